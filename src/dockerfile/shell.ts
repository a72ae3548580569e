// Quoting for the shell commands lucid-cdk writes: the `RUN` lines of Dockerfiles (POSIX sh, /bin/sh -c) and the
// bash scripts of the workflow's `run:` steps. A value from the model reaches a shell only as a word made here,
// never by pasting it into a command.

/** Words the shell reads as they are: letters, digits and `_ . / : @ % + = , -` (a leading `=` or `-` is quoted). */
const PLAIN = /^[A-Za-z0-9_./:@%+,][A-Za-z0-9_./:@%+=,-]*$/;

/**
 * `value` as one shell word (POSIX sh and bash) that expands to exactly `value`: unchanged when it holds only
 * plain characters, otherwise in single quotes, where the shell interprets nothing, with each `'` written `'\''`.
 * A NUL cannot be part of a shell word: it is kept in the quoted word, where the checks of the file it lands in
 * refuse it (a RUN line with a NUL is a Dockerfile problem; the workflow's `shellQuote` throws).
 * @internal
 */
export function shellQuote(value: string): string {
  if (PLAIN.test(value)) {
    return value;
  }
  return `'${value.split('\'').join('\'\\\'\'')}'`;
}

/**
 * `words` as shell words separated by single spaces, each quoted by `shellQuote`: the shell splits the result back
 * into exactly these words.
 * @internal
 */
export function shellWords(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
