// How COPY matches its sources' wildcards, beside dockerignore.ts, which keeps what COPY reads.

/**
 * A path component's wildcard pattern as a regular expression, as COPY matches it (Go's `filepath.Match`): `*` and
 * `?` within the component, `[...]` classes (`[!...]` negated), `\\` escapes.
 */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const end = ch === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (ch === '*') {
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (end > 0) {
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      re += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i]);
    } else {
      re += escapeRegExp(ch);
    }
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return new RegExp(`^${escapeRegExp(pattern)}$`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
