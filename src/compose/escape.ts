// Escaping of values for compose interpolation.
//
// The compose specification (12-interpolation.md) interpolates `$VAR` and `${VAR}` in every YAML *value* of a
// compose file, and in no *key*: "Interpolation applies only to YAML values, not to keys". So every string
// value lucid-cdk writes (image, command, entrypoint, healthcheck test, environment values, labels values,
// build args, paths, user, ...) has each `$` written `$$`, which compose reads back as one literal `$`. Keys
// (service names, environment variable names, label keys) are written as they are. Docker Compose 2.40 was
// checked to behave this way (test/compose/integ).

/** Escapes `value` so that compose's interpolation yields `value` unchanged: every `$` becomes `$$`. */
export function escapeInterpolation(value: string): string {
  return value.split('$').join('$$');
}

// Characters a compose file cannot carry as they are: one list for the whole library (core/text.ts), which the
// services also check their own values against.
export { unrepresentableCharacter } from '../core/text';
