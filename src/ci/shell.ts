import { nulInShellWord } from '../core/errors';

// Quoting for the bash scripts of `run:` steps. Values from the model reach a script only through `shellQuote`;
// values from GitHub expressions reach it only through `env:` and are read as "$VAR".

/** Words bash reads as they are: letters, digits and `_ . / : @ % + = , -` (a leading `=` or `-` is quoted). */
const PLAIN = /^[A-Za-z0-9_./:@%+,][A-Za-z0-9_./:@%+=,-]*$/;

/**
 * `value` as one bash word that expands to exactly `value`: unchanged when it holds only plain characters,
 * otherwise in single quotes, where bash interprets nothing, with each `'` written `'\''`.
 * A NUL cannot be part of a shell word and is rejected.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) {
    throw nulInShellWord();
  }
  if (PLAIN.test(value)) {
    return value;
  }
  return `'${value.split('\'').join('\'\\\'\'')}'`;
}

/** A bash script (for a `shell: bash` step) that stops at the first failing command, unset variable or pipe. */
export function script(lines: string[]): string {
  return ['set -euo pipefail', ...lines].join('\n') + '\n';
}
