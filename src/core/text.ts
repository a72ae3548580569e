// Text that a generated file cannot carry as it is, judged where the user gave it (a service's env, command,
// labels, ...), so that the error names that construct rather than the file the value would have reached.
// The files then judge their whole content again (overrides included): see compose/validate.ts and
// bake/validate.ts.

/**
 * Characters that compose files (and so every value of a service) cannot carry: DEL, C1 controls, U+FFFE/U+FFFF
 * and unpaired surrogates (forbidden in YAML), U+0085, U+2028, U+2029 and U+FEFF (read as line breaks or
 * dropped by YAML 1.1 parsers such as Docker Compose's), and NUL (no environment variable or label holds one).
 */
const UNREPRESENTABLE = /[\0\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first character of `value` that a compose file cannot carry, as `U+XXXX`, or undefined.
 * @internal
 */
export function unrepresentableCharacter(value: string): string | undefined {
  // No `u` flag: surrogates are matched one code unit at a time, so an unpaired one is found.
  const m = UNREPRESENTABLE.exec(value);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * What is wrong with the text `value` of `what` (e.g. `env "A"`), or undefined: a character no generated file
 * can carry, or, with `nfc`, text that is not in Unicode NFC (bake reads every string as NFC, so it would change).
 * @internal
 */
export function textProblem(what: string, value: string, options: { nfc?: boolean } = {}): string | undefined {
  const c = unrepresentableCharacter(value);
  if (c) {
    return `${what} ${JSON.stringify(value)} contains ${c}, which the generated files cannot carry: remove it`;
  }
  if (options.nfc && value !== value.normalize('NFC')) {
    return `${what} ${JSON.stringify(value)} is not in Unicode NFC, which bake would change: normalize it with .normalize('NFC')`;
  }
  return undefined;
}

/**
 * The problems of several texts: `[what, value]` pairs.
 * @internal
 */
export function textProblems(texts: ReadonlyArray<readonly [string, string | undefined]>, options: { nfc?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const [what, value] of texts) {
    const p = value === undefined ? undefined : textProblem(what, value, options);
    if (p) {
      out.push(p);
    }
  }
  return out;
}
