import { pathProblems } from '../core/path-grammar';
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

/**
 * What is wrong with the runtime secrets of one service, each problem with its fix: a name compose and the
 * mount path can hold, each name once, a file (compose cannot hand an environment secret to a read-only
 * container) at a path of the path grammar, an `envVar` that is a variable name. @internal
 */
export function secretProblems(secrets: readonly ServiceSecret[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const s of secrets) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(s.name)) {
      problems.push(`secret name ${JSON.stringify(s.name)} is invalid: use lower case letters, digits, "-" and "_" (e.g. "db-password")`);
    }
    if (names.has(s.name)) {
      problems.push(`secret ${JSON.stringify(s.name)} is declared twice: declare each secret of a service once`);
    }
    names.add(s.name);
    if (s.envVar !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.envVar)) {
      problems.push(`secret ${JSON.stringify(s.name)} envVar ${JSON.stringify(s.envVar)} is not a variable name: use letters, digits and "_", not starting with a digit`);
    }
    if (s.source === SecretSource.ENVIRONMENT) {
      problems.push(`secret ${JSON.stringify(s.name)} comes from an environment variable, which compose cannot put into a read-only container: give it a file (source: SecretSource.FILE)`);
    } else {
      problems.push(...pathProblems(`secret ${JSON.stringify(s.name)} from`, s.location));
    }
  }
  return problems;
}
