/**
 * Thrown when an app cannot be synthesized: lists every problem found, each with its construct path.
 * Its `name` is `SynthesisError` and its `problems` hold the list (jsii cannot export a subclass of Error, so
 * check the name rather than the class).
 * @internal
 */
export class SynthesisError extends Error {
  /** Every problem, each prefixed with `[construct path]`. */
  public readonly problems: string[];

  constructor(problems: string[]) {
    super(`lucid-cdk found ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n` +
      problems.map(p => `  - ${p}`).join('\n'));
    this.name = 'SynthesisError';
    this.problems = problems;
  }
}
