import { SecretSource } from './secret-source';

/**
 * A secret that dependency installation needs at build time (a private package index's credentials: a
 * `pip.conf`, Maven `settings.xml`, `.npmrc`). It is mounted only into the build steps that fetch
 * dependencies (`RUN --mount=type=secret`), never written into a layer, and bake passes it in with `secret`.
 */
export interface BuildSecret {
  /** The secret's id: letters, digits, `-`, `_` and `.`. */
  readonly id: string;
  /** Where bake reads the value from: a file (relative to the build context's app folder) or an env var. */
  readonly source: SecretSource;
  /**
   * Where the value is read: the file's path, relative to the build context's app folder (FILE), or the
   * environment variable's name (ENVIRONMENT).
   */
  readonly location: string;
  /** The absolute path it is mounted at in the build steps, e.g. `/etc/pip.conf` or `/root/.npmrc`. */
  readonly target: string;
}
