/**
 * Where a secret's value comes from when the stack runs. Never from the image: secrets are declared, not baked in.
 */
export enum SecretSource {
  /** A file on the host, mounted read-only at `/run/secrets/<name>`. */
  FILE = 'file',
  /**
   * An environment variable of the host. Only for build secrets: compose cannot put an environment secret
   * into a read-only container, and every Lucid container is read-only.
   */
  ENVIRONMENT = 'environment',
}

/**
 * A runtime secret of a service. The service reads it from `/run/secrets/<name>`; its env gets
 * `<envVar>_FILE=/run/secrets/<name>` so it knows where to look.
 */
export interface ServiceSecret {
  /** The secret's name (compose secret name): lower case letters, digits, `-` and `_`. */
  readonly name: string;
  /** Where the value comes from. */
  readonly source: SecretSource;
  /**
   * The host file (relative to the app folder) for FILE secrets, or the host environment variable for
   * ENVIRONMENT secrets.
   */
  readonly location: string;
  /**
   * The environment variable the service is told about (`<envVar>_FILE` is set to the secret's path).
   * @default - the secret's name in upper case, with `-` as `_`
   */
  readonly envVar?: string;
}
