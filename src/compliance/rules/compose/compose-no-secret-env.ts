import { ComposeServiceEntry, ComposeServiceRule, isMap, serviceLabel } from './services';
import { SECRET_NAME, URL_WITH_CREDENTIALS } from '../../../service/env-check';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * No service of a compose file gets a secret in `environment`: no variable named as a secret (`*PASSWORD*`,
 * `*SECRET*`, `*TOKEN*`, `*_KEY`, ...) holds a value, and no value is a URL with `user:password@`. Secrets are
 * files (`secrets:`, mounted at `/run/secrets/<name>`), which `docker inspect` does not print; a `<NAME>_FILE`
 * variable holding an absolute path names such a file and is not a secret.
 */
export class ComposeNoSecretInEnvironment extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    for (const [name, value] of environmentOf(e.service.environment)) {
      if (value === undefined || value === '' || value.startsWith('${')) {
        continue;
      }
      const url = URL_WITH_CREDENTIALS.test(value);
      const named = SECRET_NAME.test(name) && !(/_FILE$/i.test(name) && value.startsWith('/'));
      if (url || named) {
        violations.push({
          value: `${serviceLabel(e)}: environment ${name}=${show(url ? value.replace(/:\/\/([^:/@]*):[^@]*@/g, '://$1:***@') : '***')}`,
          fix: `move the value to a compose secret (secrets: [${JSON.stringify(name.toLowerCase())}]) and give the service ${name}_FILE=/run/secrets/<name> (ServiceSecret.file() does both)`,
        });
      }
    }
    return violations;
  }
}

/** `environment` as name/value pairs, from either of compose's forms (a mapping, or a list of `NAME=value`). */
function environmentOf(env: unknown): [string, string | undefined][] {
  if (Array.isArray(env)) {
    return env.map(v => String(v)).map(v => {
      const i = v.indexOf('=');
      return i < 0 ? [v, undefined] : [v.slice(0, i), v.slice(i + 1)];
    });
  }
  if (isMap(env)) {
    return Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]);
  }
  return [];
}
