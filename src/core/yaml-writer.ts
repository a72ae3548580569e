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
 * `value` as a YAML document (ending with a newline).
 * @internal
 */
export function writeYaml(value: unknown, options: YamlWriterOptions): string {
  const out: string[] = [];
  const root = normalize(value);
  if (isCollection(root) && !isEmpty(root)) {
    writeCollection(root, '', out, options);
  } else {
    out.push(scalarOrEmpty(root, '', options, false));
  }
  return out.join('\n') + '\n';
}

type Data = null | string | number | boolean | Data[] | { [key: string]: Data };

/** JSON's view of `value`: undefined entries of objects dropped, undefined items of arrays as null. */
function normalize(value: unknown): Data {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Data } = {};
    for (const [k, v] of Object.entries(value as object)) {
      if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') {
        out[k] = normalize(v);
      }
    }
    return out;
  }
  return null;
}

function isCollection(value: Data): value is Data[] | { [key: string]: Data } {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: Data[] | { [key: string]: Data }): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Writes the lines of a non-empty collection at `indent`; the first line's indent may already be written. */
function writeCollection(value: Data[] | { [key: string]: Data }, indent: string, out: string[], options: YamlWriterOptions, first = ''): void {
  let lead = first;
  const line = (text: string) => {
    out.push(lead + text);
    lead = indent;
  };
  lead = first === '' ? indent : first;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // `- ` then the collection, its first line on the same line.
        writeCollection(item, indent + '  ', out, options, lead + '- ');
        lead = indent;
      } else {
        line('- ' + scalarOrEmpty(item, indent + '  ', options, false));
      }
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const k = scalar(key, indent, options, true);
    if (isCollection(item) && !isEmpty(item)) {
      line(k + ':');
      writeCollection(item, indent + '  ', out, options);
    } else {
      const comment = options.commentAfter?.(key, item);
      line(`${k}: ${scalarOrEmpty(item, indent + '  ', options, false)}${comment !== undefined ? ` #${comment}` : ''}`);
    }
  }
}

function scalarOrEmpty(value: Data, indent: string, options: YamlWriterOptions, key: boolean): string {
  if (Array.isArray(value)) {
    return '[]';
  }
  if (value !== null && typeof value === 'object') {
    return '{}';
  }
  return scalar(value, indent, options, key);
}

function scalar(value: Exclude<Data, object> | null, indent: string, options: YamlWriterOptions, key: boolean): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'number') {
    return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : JSON.stringify(value);
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
