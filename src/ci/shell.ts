import { nulInShellWord } from '../core/errors';
import { shellQuote as quoteWord } from '../dockerfile/shell';

// Quoting for the bash scripts of `run:` steps. Values from the model reach a script only through `shellQuote`
// (the one shell-quoting module, `dockerfile/shell.ts`); values from GitHub expressions reach it only through
// `env:` and are read as "$VAR".

/**
 * `value` as one bash word that expands to exactly `value` (see `dockerfile/shell.ts`). A NUL cannot be part of a
 * shell word and is rejected.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) {
    throw nulInShellWord();
  }
  return quoteWord(value);
}

/** A bash script (for a `shell: bash` step) that stops at the first failing command, unset variable or pipe. */
export function script(lines: string[]): string {
  return ['set -euo pipefail', ...lines].join('\n') + '\n';
}
