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

/**
 * Characters a compose file cannot carry as they are, with the reason. The `yaml` library writes them raw even
 * inside double quotes, where YAML 1.2 forbids them (DEL, C1 controls, U+FFFE/U+FFFF, unpaired surrogates) or
 * where YAML 1.1 parsers such as the one in Docker Compose read them as line breaks (U+0085, U+2028, U+2029),
 * which would silently change the value. A NUL cannot be part of an environment variable or label.
 */
const UNREPRESENTABLE = /[\0\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `value` that a compose file cannot carry, as `U+XXXX`, or undefined. */
export function unrepresentableCharacter(value: string): string | undefined {
  // No `u` flag: surrogates are matched one code unit at a time, so an unpaired one is found.
  const m = UNREPRESENTABLE.exec(value);
  if (!m) {
    return undefined;
  }
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
