import * as path from 'path';

/**
 * A build-context path as BuildKit resolves it: relative to the context root (a leading `/` means the root),
 * normalized, without a trailing `/`; the root itself is `.`. Not exported from the index.
 */
export function normalizeContextPath(p: string): string {
  let n = path.posix.normalize(p).replace(/^\/+/, '').replace(/\/+$/, '');
  if (n === '') {
    n = '.';
  }
  return n;
}

/** Whether a normalized context path leaves the build context. */
export function isOutsideContext(normalized: string): boolean {
  return normalized === '..' || normalized.startsWith('../');
}

/** Whether a path holds wildcard characters of Go's `filepath.Match` (COPY and .dockerignore patterns). */
export function hasGlob(p: string): boolean {
  return /[*?[\\]/.test(p);
}
