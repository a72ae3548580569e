/**
 * The protocol of an exposed port.
 * @see https://docs.docker.com/reference/dockerfile/#expose
 */
export enum Protocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
}

/**
 * A port an image declares (`EXPOSE 8080/tcp`).
 */
export interface ExposedPort {
  /** The port number, 1 to 65535. */
  readonly port: number;
  /** The protocol. */
  readonly protocol: Protocol;
}
