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
