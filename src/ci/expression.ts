// GitHub Actions expressions (`${{ ... }}`) that lucid-cdk writes, and the checks that keep user input out of them.
// @see https://docs.github.com/en/actions/reference/workflows-and-actions/expressions

/** A string literal in an expression: single quotes, with each `'` doubled. */
export function expressionString(value: string): string {
  return `'${value.split('\'').join('\'\'')}'`;
}

/** `${{ expression }}`, for values outside `if:` (which takes a bare expression). */
export function wrap(expression: string): string {
  return `\${{ ${expression} }}`;
}

/** Whether a value holds an expression, which GitHub would evaluate wherever it appears. */
export function hasExpression(value: string): boolean {
  return value.includes('${{');
}
