import { SecretSource } from '../images/secret-source';

// Declared beside the build secrets, a floor below the services; exported here with the runtime secrets.
export { SecretSource } from '../images/secret-source';

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
