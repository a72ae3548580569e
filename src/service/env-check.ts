/**
 * Names that hold secrets when given a literal value.
 * @internal
 */
export const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY|_KEY$)/i;
/**
 * A URL with `user:password@` in it.
 * @internal
 */
export const URL_WITH_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/**
 * Problems with an environment: literal secrets that would end up in an image or a compose file.
 * @internal
 */
export function secretEnvProblems(env: { [key: string]: string }): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (SECRET_NAME.test(key) && value !== '') {
      errors.push(`env ${key} holds a literal secret: declare it in "secrets" instead (mounted at /run/secrets/<name>, with ${key}_FILE pointing there)`);
    } else if (URL_WITH_CREDENTIALS.test(value)) {
      errors.push(`env ${key} holds a URL with credentials (user:password@): move the credentials to "secrets"`);
    }
  }
  return errors;
}
