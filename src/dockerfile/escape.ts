/**
 * Escaping for the Dockerfile language, as BuildKit's parser and shell-word lexer read it.
 *
 * - Words that Docker runs variable substitution on (ENV, LABEL, ARG, WORKDIR, USER, COPY paths) go through
 *   BuildKit's `shell.Lex.ProcessWord`: outside quotes a backslash escapes any character; inside double quotes
 *   it escapes only `"`, `$` and `\` (every other backslash stays literal). We double-quote and escape exactly
 *   those three, so both readings agree.
 * - Exec-form arguments are JSON string arrays (`JSON.stringify`); Docker runs no substitution on them.
 * - JSON-form COPY paths are first JSON-decoded, then still run through ProcessWord, so they are escaped for
 *   both layers.
 *
 * Not exported from the folder's index.
 * @see https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go
 * @see https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/line_parsers.go
 */

/** Characters a path may hold and still be written bare (COPY plain form, WORKDIR, USER). */
const SIMPLE_WORD = /^[A-Za-z0-9_./@:+,=-]+$/;

/** Whether `s` can be written bare: only characters Docker's word processing leaves alone, and no leading `-`. */
export function isSimpleWord(s: string): boolean {
  return SIMPLE_WORD.test(s) && !s.startsWith('-');
}

/** `s` double-quoted for Dockerfile word processing: `\`, `"` and `$` are backslash-escaped. */
export function quoteWord(s: string): string {
  return '"' + s.replace(/[\\"$]/g, c => '\\' + c) + '"';
}

/** `s` bare when it is simple, otherwise double-quoted. */
export function word(s: string): string {
  return isSimpleWord(s) ? s : quoteWord(s);
}

/**
 * `s` escaped so that ProcessWord (unquoted context) returns it unchanged: `\`, `"`, `'` and `$` get a
 * backslash. A leading U+FEFF gets one too, because Go's text/scanner drops a byte-order mark at the start of
 * its input.
 */
export function escapeBareWord(s: string): string {
  const escaped = s.replace(/[\\"'$]/g, c => '\\' + c);
  return escaped.startsWith('\uFEFF') ? '\\' + escaped : escaped;
}

/** A JSON array of strings, one space after each comma (Docker's own style). */
export function jsonArray(args: string[]): string {
  return '[' + args.map(a => JSON.stringify(a)).join(', ') + ']';
}

/**
 * Why `s` cannot be written into a Dockerfile line, or undefined when it can: a line break or another control
 * character (tab excepted), or an unpaired UTF-16 surrogate (which has no UTF-8 encoding).
 */
export function unrepresentable(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) {
      return 'a newline (U+000A)';
    }
    if (c === 0x0d) {
      return 'a carriage return (U+000D)';
    }
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) {
      return `the control character ${codePoint(c)}`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `an unpaired surrogate ${codePoint(c)}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return `an unpaired surrogate ${codePoint(c)}`;
    }
  }
  return undefined;
}

/**
 * Why `s` cannot be an exec-form (JSON) argument, or undefined when it can. JSON escapes every control
 * character, so only NUL (which no process argument can carry) and unpaired surrogates are refused.
 */
export function unrepresentableInJson(s: string): string | undefined {
  if (s.includes('\0')) {
    return 'a NUL character (U+0000), which no process argument can carry';
  }
  const bad = unrepresentable(s.replace(/[\x01-\x1f\x7f-\x9f]/g, ' '));
  return bad;
}

/** Go's `unicode.IsSpace`, which BuildKit uses to trim and split lines. */
export function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

function codePoint(c: number): string {
  return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
}
