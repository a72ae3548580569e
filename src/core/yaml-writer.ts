// A YAML writer for the plain data lucid-cdk renders (objects, arrays, strings, numbers, booleans, null), in the
// layout the `yaml` library gives such data (two-space indent, sequences indented under their key, `{}` and `[]`
// for empty collections, `|` literals for multi-line strings where allowed). It writes text in one pass, with no
// document model: at 1,000 services, building and printing the `yaml` library's document for the compose file,
// the workflow and the structure tests was half of the synthesis. What a string may be written as (plain, quoted,
// a literal) is decided by the caller's `plain` predicate and the rules below; the tests read every output back
// with the `yaml` library (YAML 1.1 and 1.2), which stays the parser of record.

/**
 * How the writer writes strings and what it adds.
 * @internal
 */
export interface YamlWriterOptions {
  /** Whether a string may be written as a plain scalar; every other string is quoted (or a literal). */
  readonly plain: (value: string) => boolean;
  /** Write multi-line strings of map values and sequence items as `|` literals where they read back unchanged. */
  readonly literals?: boolean;
  /** Quote a string with `"` but no `'` in single quotes, as the `yaml` library does by default. */
  readonly singleQuotes?: boolean;
  /** A comment written after the scalar value of the map entry `key` (` # comment`), if any. */
  readonly commentAfter?: (key: string, value: unknown) => string | undefined;
}

/** Characters a literal or single-quoted scalar cannot hold as they are. */
const NEEDS_ESCAPE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udfff]/u;

/**
 * `value` as a YAML document (ending with a newline). As in JSON, an object's entries whose value is undefined
 * (or a function) are left out, and undefined items of an array are null.
 * @internal
 */
export function writeYaml(value: unknown, options: YamlWriterOptions): string {
  const out: string[] = [];
  const root = collection(value);
  if (root) {
    writeCollection(root, '', out, options, '');
  } else {
    out.push(scalarOrEmpty(value, '', options));
  }
  return out.join('\n') + '\n';
}

type Entries = Array<[string, unknown]>;

/** The items of a non-empty array, or the entries of an object with at least one; otherwise undefined. */
function collection(value: unknown): unknown[] | Entries | undefined {
  if (Array.isArray(value)) {
    return value.length > 0 ? value : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries: Entries = [];
    for (const key of Object.keys(value)) {
      const v = (value as { [key: string]: unknown })[key];
      if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') {
        entries.push([key, v]);
      }
    }
    return entries.length > 0 ? Object.assign(entries, { [ENTRIES]: true }) : undefined;
  }
  return undefined;
}

const ENTRIES = Symbol('entries');

/** Writes the lines of a non-empty collection at `indent`, the first line starting with `first`. */
function writeCollection(items: unknown[] | Entries, indent: string, out: string[], options: YamlWriterOptions, first: string): void {
  let lead = first;
  if (!(ENTRIES in items)) {
    for (const item of items) {
      const inner = collection(item);
      if (inner) {
        // `- ` then the collection, its first line on the same line.
        writeCollection(inner, indent + '  ', out, options, lead + '- ');
      } else {
        out.push(lead + '- ' + scalarOrEmpty(item, indent + '  ', options));
      }
      lead = indent;
    }
    return;
  }
  for (const [key, item] of items as Entries) {
    const k = scalar(key, indent, options, true);
    const inner = collection(item);
    if (inner) {
      out.push(lead + k + ':');
      writeCollection(inner, indent + '  ', out, options, indent + '  ');
    } else {
      const comment = options.commentAfter?.(key, item);
      out.push(`${lead}${k}: ${scalarOrEmpty(item, indent + '  ', options)}${comment !== undefined ? ` #${comment}` : ''}`);
    }
    lead = indent;
  }
}

/** A scalar, or an empty collection (`[]`, `{}`). */
function scalarOrEmpty(value: unknown, indent: string, options: YamlWriterOptions): string {
  if (Array.isArray(value)) {
    return '[]';
  }
  if (value !== null && typeof value === 'object') {
    return '{}';
  }
  return scalar(value, indent, options, false);
}

function scalar(value: unknown, indent: string, options: YamlWriterOptions, key: boolean): string {
  if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return 'null';
  }
  if (typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'number') {
    return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : JSON.stringify(value);
  }
  if (typeof value !== 'string') {
    return 'null';
  }
  if (options.plain(value)) {
    return value;
  }
  if (!key && options.literals && value.includes('\n') && literalReadsBack(value)) {
    return literal(value, indent);
  }
  if (options.singleQuotes && value.includes('"') && !value.includes('\'') && !NEEDS_ESCAPE.test(value) && !/[\n\r\u0085]/.test(value)) {
    return `'${value}'`;
  }
  return doubleQuoted(value);
}

/**
 * Whether `value` written as a `|` literal with no indentation indicator reads back unchanged: no character that
 * needs an escape, no CR, a first non-blank line that does not start with a space (it would set the indentation),
 * and no blank line of spaces last (the literal's end would swallow it).
 */
function literalReadsBack(value: string): boolean {
  if (NEEDS_ESCAPE.test(value) || /[\r\u0085]/.test(value) || /^\s*$/.test(value) || /\n[\t ]+$/.test(value)) {
    return false;
  }
  const firstText = value.split('\n').find(l => l !== '');
  return firstText !== undefined && !firstText.startsWith(' ');
}

/** `value` as a literal: `|-` without a final line break, `|` with one, `|+` with more; lines at `indent`. */
function literal(value: string, indent: string): string {
  const chomp = !value.endsWith('\n') ? '-' : value.endsWith('\n\n') ? '+' : '';
  const body = chomp === '-' ? value : value.slice(0, -1);
  return `|${chomp}\n` + body.split('\n').map(l => (l === '' ? '' : indent + l)).join('\n');
}

const ESCAPES: { [char: string]: string } = {
  '"': '\\"',
  '\\': '\\\\',
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
  '\ufeff': '\\uFEFF',
};

/**
 * `value` in double quotes, with YAML's escapes for `"`, `\`, line breaks, every non-printable character and
 * unpaired surrogates (a pair is written as it is).
 * @internal
 */
export function doubleQuoted(value: string): string {
  return '"' + value.replace(/["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udfff]/gu, c =>
    ESCAPES[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`)) + '"';
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');
}
