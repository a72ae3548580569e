import { hclNotNfc, hclUnpairedSurrogate } from '../../core/errors';

// Escaping of text for HCL's native syntax. One rule for every quoted string lucid-cdk writes (template text,
// object keys, block labels): HCL reads back exactly the text given.
//
// @see https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md#template-expressions

/** Characters with a short escape. */
const SHORT_ESCAPES: { [char: string]: string } = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Control characters (C0, DEL, C1) and the two characters that need a backslash. */
const NEEDS_ESCAPE = /[\\"\x00-\x1f\x7f-\x9f]/g;

/** An unpaired UTF-16 surrogate: it has no UTF-8 encoding, so no HCL file can hold it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The position of the first unpaired UTF-16 surrogate in `value`, or -1. A string holding one cannot be written
 * to a UTF-8 file.
 */
export function loneSurrogateIndex(value: string): number {
  const m = LONE_SURROGATE.exec(value);
  return m ? m.index : -1;
}

/**
 * Whether HCL reads `value` back unchanged as far as Unicode normalization goes. HCL normalizes every string
 * literal to NFC (and cty, the value system of HCL and bake, every string), escapes included: a string not in NFC
 * (a decomposed `e` + U+0301, a CJK compatibility ideograph) cannot be written so that it reads back as given.
 */
export function isNfc(value: string): boolean {
  return value === value.normalize('NFC');
}

/**
 * Escapes `value` for the inside of an HCL quoted string: `\` → `\\`, `"` → `\"`, newline → `\n`, CR → `\r`,
 * tab → `\t`, other control characters → `\uXXXX`, `${` → `$${` and `%{` → `%%{` (so that nothing is
 * interpolated or read as a template directive). Throws on an unpaired surrogate and on text not in NFC.
 */
export function escapeText(value: string): string {
  const bad = loneSurrogateIndex(value);
  if (bad >= 0) {
    throw hclUnpairedSurrogate(value.charCodeAt(bad));
  }
  if (!isNfc(value)) {
    throw hclNotNfc(value);
  }
  return value
    .replace(NEEDS_ESCAPE, c => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    // Neither replacement creates a new `${` or `%{`: `{` is never added, and what precedes it is doubled.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** `value` as an HCL quoted string literal. */
export function quote(value: string): string {
  return `"${escapeText(value)}"`;
}

/** Words that HCL's expression parser reads as something other than a name when they start an object key. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/**
 * Whether `name` is an HCL identifier (ASCII subset: a letter or `_`, then letters, digits, `_` and `-`).
 * Attribute names, block types and variable references must be identifiers.
 */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

/**
 * Whether `key` can be written bare as an object key and read back as the same string: an identifier that is
 * not one of HCL's keywords (`true`, `false` and `null` would be read as values, `for` as a for expression).
 */
export function isBareKey(key: string): boolean {
  return isIdentifier(key) && !KEYWORDS.has(key);
}
