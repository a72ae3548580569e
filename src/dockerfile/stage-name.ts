// The names a stage may have (`FROM ... AS <name>`), checked when the stage is created.

/** Stage names BuildKit accepts. */
export const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Why `name` cannot be a stage name, or undefined. */
export function stageNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || !STAGE_NAME.test(name)) {
    return `stage name "${name}" is invalid: use lower-case letters, digits, "_", "." and "-", starting with a letter`;
  }
  return undefined;
}
