import * as fc from 'fast-check';

/** Pieces that stress HCL escaping: quotes, backslashes, line breaks, control characters, `${`, `%{`, `$${`. */
const SPECIAL = fc.constantFrom(
  '$', '{', '}', '%', '"', '\\', '\n', '\r', '\t', '${', '%{', '$${', '%%{', '$$', '${TAG}', '%{ if x }', '\\n', '\\u0041',
  '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufeff', 'é', '😀', '中',
);

/**
 * Strings of any Unicode mixed with the pieces above, in NFC: HCL (and bake) read every string as NFC, so a
 * string in another form cannot come back as given and is rejected before rendering (see validate.test.ts).
 */
export const nastyString = fc.array(
  fc.oneof({ weight: 3, arbitrary: SPECIAL }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }),
  { maxLength: 12 },
).map(parts => parts.join('').normalize('NFC'));
