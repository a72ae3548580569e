/**
 * Hostile strings for property tests: a seeded PRNG (MINSTD), so every run draws the same strings and a
 * failure can be replayed, and a generator that mixes what attacks or confuses each consumer (shell
 * metacharacters, quotes, `$`, `${`, `%{`, `<<`, `~`, backslashes, newlines, CR, NUL, C0/C1 controls, U+2028,
 * unpaired surrogates, non-NFC text, YAML specials) with the plain characters of a field's own grammar, so that
 * a share of the strings is accepted and must come back unchanged.
 */

/** A PRNG returning numbers in [0, 1) from a seed: Park and Miller's MINSTD (exact in doubles). */
export function minstd(seed: number): () => number {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** Pieces no consumer may misread. */
export const HOSTILE_PIECES: readonly string[] = [
  '\'', '"', '`', '$', '${', '$(', '%{', '<<', '<<EOF', '~', '\\', '\n', '\r', '\r\n', '\0', '\t', ' ', ';', '|', '&', '&&',
  '>', '<', '*', '?', '[', ']', '{', '}', '(', ')', '#', '!', '=', ',', ':', '..', '/', '//', '-', '--',
  '\u0001', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\ufeff', '\ud800', '\udc00', '\u00e9',
  'e\u0301', '\u{1f600}', '\u00a0', 'ÿ', '0o17', '0x1F', 'yes', 'null', '~', '- ', ': ', ' #', '&a', '*a', '!!str',
  '$(id)', '`id`', '; touch /pwned', '$IFS', '\u0130', 'ß',
];

/** `count` strings from `seed`: each a random join of hostile pieces and characters of `plain`. */
export function hostileStrings(seed: number, count: number, plain: string): string[] {
  const random = minstd(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chars = Array.from(plain);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 12);
    // A third of the strings use the field's plain characters only: they should be accepted.
    const hostile = i % 3 !== 0;
    let s = '';
    for (let n = 0; n < length; n++) {
      s += hostile && random() < 0.35 ? pick(HOSTILE_PIECES) : pick(chars);
    }
    out.push(s);
  }
  return out;
}
