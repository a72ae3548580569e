import { unrepresentable } from './escape';
import { hasGlob, isOutsideContext, normalizeContextPath } from './paths';
import { dockerignoreHeaderLine, dockerignoreOutsideContext, dockerignoreUnlistable, dockerignoreUntrimmed } from '../core/errors';

/**
 * Renders an allow-list `.dockerignore`: `*` excludes everything, then one `!<path>` exception per path the
 * Dockerfile reads from the build context (see `Dockerfile.contextSources()`), so the file can never hide a
 * copied file (as `*.txt` once hid `requirements.txt`).
 *
 * Docker's rules, which this follows: the last matching line wins; an exception re-includes a file or a whole
 * directory (`!src` re-includes everything under `src/`) without re-including its parents; lines are trimmed
 * and cleaned like paths. Exceptions whose directory part holds a wildcard are not matched reliably (moby
 * #30018), so for `src/*\/main.py` the literal directory `src` is re-included instead. When a source is the
 * whole context (`.`), or a wildcard starts it (`*\/x`), nothing can be excluded, and the file excludes nothing.
 *
 * @param sources build-context paths (relative, as COPY writes them; a trailing `/` is dropped)
 * @param header comment lines written first, each as `# <line>`
 * @throws Error when a path or header line holds a line break or a control character, or a path starts or
 * ends with whitespace (a .dockerignore line cannot express either), or leaves the build context.
 * @see https://docs.docker.com/build/concepts/context/#dockerignore-files
 */
export function renderDockerignore(sources: string[], header: string[] = []): string {
  const lines: string[] = [];
  for (const h of header) {
    const bad = unrepresentable(h);
    if (bad) {
      throw dockerignoreHeaderLine(h, bad);
    }
    lines.push(h === '' ? '#' : `# ${h}`);
  }
  const exceptions = new Set<string>();
  let wholeContext = false;
  for (const source of sources) {
    const bad = unrepresentable(source);
    if (bad) {
      throw dockerignoreUnlistable(source, bad);
    }
    if (source.trim() !== source) {
      throw dockerignoreUntrimmed(source);
    }
    const path = normalizeContextPath(source);
    if (isOutsideContext(path)) {
      throw dockerignoreOutsideContext(source);
    }
    const exception = literalPrefix(path);
    if (exception === '.') {
      wholeContext = true;
    } else {
      exceptions.add(exception);
    }
  }
  if (wholeContext) {
    lines.push('# The whole build context is used: nothing is excluded.');
  } else {
    lines.push('*');
    for (const e of [...exceptions].sort(compareCodeUnits)) {
      lines.push(`!${e}`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The path itself when only its last component may hold a wildcard; otherwise its literal leading directories
 * (`.` when even the first component has a wildcard).
 */
function literalPrefix(path: string): string {
  const parts = path.split('/');
  const firstGlob = parts.findIndex(hasGlob);
  if (firstGlob === -1 || firstGlob === parts.length - 1) {
    return path;
  }
  return firstGlob === 0 ? '.' : parts.slice(0, firstGlob).join('/');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The allow-list `.dockerignore` renderer, as a class so that jsii languages (which do not see free functions)
 * can call it. Same as `renderDockerignore()`.
 */
export class Dockerignore {
  /**
   * Renders an allow-list `.dockerignore` for the given build-context sources.
   * @see renderDockerignore
   */
  public static render(sources: string[], header?: string[]): string {
    return renderDockerignore(sources, header);
  }

  private constructor() {
  }
}
