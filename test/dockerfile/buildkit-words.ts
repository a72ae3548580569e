/**
 * A test-only mirror of how BuildKit reads Dockerfile words, ported from
 * moby/buildkit frontend/dockerfile/shell/lex.go (ProcessWord) and parser/line_parsers.go (parseWords).
 * Used to undo Dockerfile escaping "the way Docker does" after dockerfile-ast has split the file into
 * instructions.
 *
 * ProcessWord, with the default escape token `\`:
 * - outside quotes, `\` escapes any next character (a trailing `\` is dropped);
 * - inside `'...'` everything is literal;
 * - inside `"..."`, `\` escapes only `"`, `$` and `\`; any other backslash stays literal;
 * - `$name`, `${...}` and special parameters (`$@`, `$1`, ...) are substituted. Here the build has no variables
 *   we expect to be used, so any substitution throws `VariableReference`: a value that Docker would expand
 *   is a value that would not come back unchanged.
 * - Go's text/scanner skips a byte-order mark at the very start of its input.
 */
export class VariableReference extends Error {}

export function processWord(word: string): string {
  const chars = Array.from(word);
  let pos = chars[0] === '\uFEFF' ? 1 : 0;
  let out = '';
  const peek = () => (pos < chars.length ? chars[pos] : undefined);
  const next = () => chars[pos++];

  const dollar = (): string => {
    next(); // $
    const c = peek();
    if (c === '{') {
      throw new VariableReference(`\${...} in ${JSON.stringify(word)}`);
    }
    if (c === undefined) {
      return '$';
    }
    if (/^[0-9]$/.test(c) || '@*#?-$!0'.includes(c) || /^[\p{L}\p{Nd}_]$/u.test(c)) {
      throw new VariableReference(`$${c}... in ${JSON.stringify(word)}`);
    }
    return '$';
  };

  while (pos < chars.length) {
    const c = peek()!;
    if (c === "'") {
      next();
      let closed = false;
      while (pos < chars.length) {
        const d = next();
        if (d === "'") {
          closed = true;
          break;
        }
        out += d;
      }
      if (!closed) {
        throw new Error(`unexpected end of statement while looking for matching single-quote in ${JSON.stringify(word)}`);
      }
    } else if (c === '"') {
      next();
      let closed = false;
      while (pos < chars.length) {
        const d = peek()!;
        if (d === '"') {
          next();
          closed = true;
          break;
        }
        if (d === '$') {
          out += dollar();
          continue;
        }
        next();
        if (d === '\\') {
          const e = peek();
          if (e === undefined) {
            continue;
          }
          if (e === '"' || e === '$' || e === '\\') {
            out += next();
            continue;
          }
        }
        out += d;
      }
      if (!closed) {
        throw new Error(`unexpected end of statement while looking for matching double-quote in ${JSON.stringify(word)}`);
      }
    } else if (c === '$') {
      out += dollar();
    } else {
      next();
      if (c === '\\') {
        if (pos >= chars.length) {
          break;
        }
        out += next();
      } else {
        out += c;
      }
    }
  }
  return out;
}

/** Go's unicode.IsSpace. */
export function isGoSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

/**
 * parseWords from line_parsers.go: splits ENV/LABEL/ARG arguments into words, keeping quotes and escapes
 * (they are removed later by ProcessWord).
 */
export function parseWords(rest: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= chars.length; pos++) {
    const atEnd = pos === chars.length;
    let ch = atEnd ? '' : chars[pos];
    if (phase === 'spaces') {
      if (atEnd) {
        break;
      }
      if (isGoSpace(ch)) {
        continue;
      }
      phase = 'word';
    }
    if (atEnd) {
      if (blankOK || word.length > 0) {
        words.push(word);
      }
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) {
          words.push(word);
        }
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === '\\') {
        if (pos + 1 === chars.length) {
          continue;
        }
        word += ch;
        pos++;
        ch = chars[pos];
      }
      word += ch;
      continue;
    }
    // phase === 'quote'
    if (ch === quote) {
      phase = 'word';
    }
    if (ch === '\\' && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      pos++;
      word += ch;
      ch = chars[pos];
    }
    word += ch;
  }
  return words;
}

/** Go's strings.SplitN(s, "=", 2). */
export function splitAtFirstEquals(s: string): [string, string | undefined] {
  const i = s.indexOf('=');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
