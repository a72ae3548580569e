/**
 * Escaping for the Markdown files lucid-cdk writes (COMPLIANCE.md, STACK.md): every user string is shown exactly as
 * it was written, and none of its characters is read as Markdown.
 *
 * Two steps, in this order:
 * 1. **Visible escapes** for what a reader could not see or a parser would drop: a backslash is shown as `\\`,
 *    line feed, carriage return and tab as `\n`, `\r`, `\t`, every other control, format, line or paragraph
 *    separator and unpaired surrogate as `\uXXXX`, and white space at either end (which a table cell or a
 *    heading trims) as `\uXXXX` too. The shown text reads back with {@link undoVisibleEscapes}.
 * 2. **Markdown escapes**: each ASCII punctuation character that could be read as Markdown gets a backslash
 *    (CommonMark lets any of them be escaped), so no emphasis, link, autolink, HTML, entity, code span or table
 *    pipe is live. Inside a code span,
 *    where backslashes are literal, the span's fence is made longer than any backtick run of the text instead.
 *
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 * @see https://github.github.com/gfm/#tables-extension-
 */

/** Characters shown as an escape wherever they stand: C0 and C1 controls, DEL, format characters (bidi overrides, BOM, zero-width), line and paragraph separators, unpaired surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Single-letter escapes, as JSON writes them. */
const SHORT: { readonly [c: string]: string } = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const UNDO_SHORT: { readonly [c: string]: string } = { '\\': '\\', 'n': '\n', 'r': '\r', 't': '\t' };

/**
 * The ASCII punctuation that can start or end Markdown inline syntax: escapes, code spans, emphasis, links and
 * images, raw HTML and autolinks, entities, table pipes, GFM strikethrough, closing `#`s of a heading and GitHub's
 * `$` math; then what makes a GFM extended autolink: the `:` of `http://`, `https://` and `ftp://`, the `.` of
 * `www.` and the `@` of an e-mail address. The rest of ASCII punctuation is left as it is, so reports stay readable.
 */
const MARKUP = /[\\`*_[\]<>&|!~#$@]|:(?=\/\/)|(?<=www)\./gi;

/** `\uXXXX` for each UTF-16 unit of `c` (a character beyond U+FFFF as its two surrogates, as JSON writes it). */
function codeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) {
    out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return out;
}

/**
 * `s` with every character a reader could not see, or a Markdown parser would drop or trim, made visible: see the
 * module comment. Reversed by {@link undoVisibleEscapes}.
 * @internal
 */
export function visibleEscapes(s: string): string {
  return s.replace(/[\\\n\r\t]/g, c => SHORT[c])
    .replace(INVISIBLE, codeUnits)
    // White space at the ends: a table cell and a heading trim it.
    .replace(/^\s+|\s+$/gu, codeUnits);
}

/**
 * The text {@link visibleEscapes} made visible, as it was written.
 * @internal
 */
export function undoVisibleEscapes(shown: string): string {
  return shown.replace(/\\(?:u([0-9a-f]{4})|([\\nrt]))/g, (_m, hex: string | undefined, letter: string | undefined) =>
    (hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : UNDO_SHORT[letter!]));
}

/**
 * Plain text for a table cell, a heading or inside a paragraph (not at its start): visible escapes, then a
 * backslash before each character that could be read as Markdown (a `|` escaped so is also what a GFM table needs).
 * @internal
 */
export function markdownText(s: string): string {
  return visibleEscapes(s).replace(MARKUP, c => `\\${c}`);
}

/**
 * A code span holding `s` exactly (after visible escapes): the fence is one backtick longer than the longest
 * backtick run of the text, and padded with a space when the text starts or ends with a backtick. Pipes are
 * escaped when the span sits in a table cell (`inTable`), where GFM removes that backslash before reading the span.
 * @internal
 */
export function markdownCode(s: string, inTable: boolean): string {
  const shown = visibleEscapes(s);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ')) ? ' ' : '';
  const body = `${fence}${pad}${shown}${pad}${fence}`;
  return inTable ? body.replace(/\|/g, '\\|') : body;
}

/**
 * Text in an HTML comment (the generated-file marker): `--` and a trailing `-` cannot end it early.
 * @internal
 */
export function markdownComment(s: string): string {
  return `<!-- ${s.replace(/[\r\n]+/g, ' ').replace(/--/g, '- -').replace(/-$/, '- ')} -->`;
}
