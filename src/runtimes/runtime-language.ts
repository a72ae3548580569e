/**
 * The language runtime a distroless family ships.
 */
export enum RuntimeLanguage {
  /** CPython from Debian (`python3-*`). */
  PYTHON = 'python',
  /** Eclipse Temurin JRE (`java17-*`, `java21-*`, `java25-*`). */
  JAVA = 'java',
  /** Node.js from nodejs.org (`nodejs22-*`, …). */
  NODEJS = 'nodejs',
  /** No language runtime: `static`, `base` and `cc` for compiled programs. */
  NATIVE = 'native',
}
