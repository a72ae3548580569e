import { parseDocument } from 'yaml';
import { writeYaml } from './yaml-writer';

// How lucid-cdk writes a string into a YAML file so that every consumer reads the same string back: compose
// (Go, yaml.v3), container-structure-test (Go), and YAML 1.1 and 1.2 parsers. The `yaml` library quotes what a
// YAML 1.2 parser would misread; a string is also double-quoted when:
// - a YAML 1.1 parser would read it as something else (`yes`, `on`, `0777`, `1:30`, ...), or it is the 1.1 `=`
//   (value) or `<<` (merge) tag;
// - Go's yaml.v3 would read it as a number: it drops every `_` and hands the rest to strconv (base prefixes
//   `0x`, `0o`, `0b` included), so `0o17_` and `1_000` are ints to compose;
// - it holds a control character or a line break: never a block scalar, whose indentation the library does not
//   state when the text starts with a space (`|+` then reads `" \n"` back as `"\n"`).

/** What yaml.v3 resolves as an int (strconv.ParseInt base 0) or a float, once every `_` is removed. */
const GO_NUMBER = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)$/;

/**
 * Whether `value`, written as a plain scalar, reads back as the same string under YAML 1.1, YAML 1.2 and Go's
 * yaml.v3.
 * @internal
 */
export function readsBackAsItself(value: string): boolean {
  if (isPlainWord(value)) {
    return true;
  }
  if (/^[0-9]+$/.test(value)) {
    return false; // an int to every parser
  }
  let known = KNOWN.get(value);
  if (known === undefined) {
    known = readsBackWhenParsed(value);
    if (KNOWN.size >= KNOWN_LIMIT) {
      KNOWN.clear();
    }
    KNOWN.set(value, known);
  }
  return known;
}

/**
 * Strings that read back as themselves under every parser without asking one: a letter, `/` or `$` first (no
 * indicator, no number, no timestamp), then any printable text with no `: `, ` #`, final `:` or final space
 * (what would end a plain scalar or start a comment), none of the YAML 1.1 booleans or nulls, and no exponent
 * first (`e5`). Nearly every string lucid-cdk writes is one; the rest are parsed. Parsing each string twice
 * dominated synthesis at 1,000 services.
 * @internal
 */
export function isPlainWord(value: string): boolean {
  return PLAIN_TEXT.test(value) && !ENDS_PLAIN.test(value) && !YAML11_WORDS.test(value) && !EXPONENT_FIRST.test(value);
}

const PLAIN_TEXT = /^[A-Za-z/$][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*$/;
const ENDS_PLAIN = /: |:$| #| $/;
const YAML11_WORDS = /^(y|n|yes|no|true|false|on|off|null)$/i;
/** The `yaml` library's YAML 1.1 float reads `e5` as a number (NaN). */
const EXPONENT_FIRST = /^[eE][-+_.0-9]/;
/** Answers for the strings that had to be parsed, across files (bounded: cleared when full). */
const KNOWN = new Map<string, boolean>();
const KNOWN_LIMIT = 100_000;

function readsBackWhenParsed(value: string): boolean {
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/.test(value) || value === '=' || value === '<<') {
    return false;
  }
  if (value.includes('_') && GO_NUMBER.test(value.replace(/_/g, ''))) {
    return false;
  }
  return parsesAs(value, '1.1') && parsesAs(value, '1.2');
}

/**
 * Whether `value`, written as a plain scalar, reads back as the same string under YAML 1.2 (what GitHub's
 * workflow parser reads), with no control character or line break.
 * @internal
 */
export function readsBackUnderYaml12(value: string): boolean {
  if (isPlainWord(value)) {
    return true;
  }
  let known = KNOWN_12.get(value);
  if (known === undefined) {
    known = !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/.test(value) && parsesAs(value, '1.2');
    if (KNOWN_12.size >= KNOWN_LIMIT) {
      KNOWN_12.clear();
    }
    KNOWN_12.set(value, known);
  }
  return known;
}

const KNOWN_12 = new Map<string, boolean>();

/** Whether `value`, parsed as a YAML document, is that string, with no error (`,x` is one: a flow indicator). */
function parsesAs(value: string, version: '1.1' | '1.2'): boolean {
  try {
    const doc = parseDocument(value, { version });
    return doc.errors.length === 0 && doc.toJS() === value;
  } catch {
    return false; // an alias with no anchor (`*a`)
  }
}

/**
 * `object` as YAML text: every string scalar (keys included) that would not read back as itself is
 * double-quoted, and no string is written as a block scalar. `header` lines become `#` comments, followed by an
 * empty line (an empty header line stays empty).
 * @internal
 */
export function stringifyYaml(object: unknown, header: readonly string[] = []): string {
  const body = writeYaml(object, { plain: readsBackAsItself });
  return header.length > 0 ? header.map(line => line === '' ? '' : `# ${line}`).join('\n') + '\n\n' + body : body;
}
