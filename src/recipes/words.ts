// The grammars of the words the recipes pass to a builder's shell: Debian package names, absolute paths of
// programs and files, Java module names. A value that fits its grammar is also a plain shell word; the recipes
// still write it through `shellWords`, so no value is ever pasted into a command.

/** A Debian package name (policy 5.6.1), optionally `=version` (policy 5.6.12). */
const DEBIAN_PACKAGE = /^[a-z0-9][a-z0-9+.-]+(=[A-Za-z0-9.+~:-]+)?$/;
/** An absolute path of letters, digits and `._+@-` in each component. */
const PROGRAM_PATH = /^\/[A-Za-z0-9._+@-]+(\/[A-Za-z0-9._+@-]+)*$/;
/** A Java module name: dot-separated identifiers (JLS 7.7), of ASCII letters, digits and `_`. */
const JAVA_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Whether `name` is a Debian package name, optionally with `=version`. @internal */
export function isDebianPackage(name: string): boolean {
  return DEBIAN_PACKAGE.test(name);
}

/** Whether `p` is an absolute path without `.` or `..` components, of letters, digits and `._+@-`. @internal */
export function isProgramPath(p: string): boolean {
  return PROGRAM_PATH.test(p) && !p.split('/').some(c => c === '.' || c === '..') && Buffer.byteLength(p) <= 4096
    && p.split('/').every(c => c.length <= 255);
}

/** Whether `name` is a Java module name (e.g. `jdk.httpserver`). @internal */
export function isJavaModule(name: string): boolean {
  return JAVA_MODULE.test(name);
}
