import { IConstruct } from 'constructs';
import { InstructionKind, Stage } from '../../../dockerfile';
import { SECRET_NAME, URL_WITH_CREDENTIALS } from '../../../service/env-check';
import { show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/**
 * No secret is written into an image: no ENV, ARG default or LABEL holds a password, token, key or a URL with
 * credentials.
 *
 * Checks every stage, builders included (their ENV and ARG values stay in the build history and cache). A
 * variable or label is a secret when its name says so (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*CREDENTIAL*`,
 * `*_KEY`, ...) and its value is not empty, or when its value is a URL with `user:password@`. A `<NAME>_FILE`
 * variable holding an absolute path points at a secret file and is not one. One violation per offending
 * variable or label; the value is shown with the secret masked.
 */
export class NoSecretsInImage implements IRule {
  /**
   * Checks one construct.
   * @param construct a stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Stage.isStage(construct)) {
      return RuleResult.notApplicable();
    }
    const runtime = asRuntimeStage(construct) !== undefined;
    const violations: ComplianceViolation[] = [];
    for (const i of construct.instructions) {
      if (i.kind !== InstructionKind.ENV && i.kind !== InstructionKind.ARG && i.kind !== InstructionKind.LABEL) {
        continue;
      }
      const name = i.key ?? '';
      const value = i.value;
      if (value === undefined || value === '') {
        continue;
      }
      const url = URL_WITH_CREDENTIALS.test(value);
      const named = SECRET_NAME.test(name) && !isFilePointer(name, value);
      if (!url && !named) {
        continue;
      }
      const shown = url ? maskUrls(value) : '***';
      violations.push({
        value: `${i.kind} ${name}=${show(shown)}`,
        fix: fixFor(i.kind, name, url, runtime),
      });
    }
    return RuleResult.of(violations);
  }
}

/** `DB_PASSWORD_FILE=/run/secrets/db-password` names where a secret is, not the secret. */
function isFilePointer(name: string, value: string): boolean {
  return /_FILE$/i.test(name) && value.startsWith('/');
}

/** The value with the password of every `scheme://user:password@` replaced by `***`. */
function maskUrls(value: string): string {
  return value.replace(new RegExp(URL_WITH_CREDENTIALS.source, 'gi'), m => m.replace(/^([^:]+:\/\/[^:]*:).*@$/, '$1***@'));
}

function fixFor(kind: InstructionKind, name: string, url: boolean, runtime: boolean): string {
  const what = url ? `the credentials in ${name}` : name;
  if (kind === InstructionKind.LABEL) {
    return `remove ${what} from the label: labels are public metadata of the image, and never need a secret`;
  }
  if (kind === InstructionKind.ENV && runtime) {
    return `remove ${what} from ENV and give it to the service at run time as a ServiceSecret in its "secrets" ` +
      `(mounted at /run/secrets/<name>, with ${name}_FILE pointing there)` +
      (url ? `, or keep ${name} without "user:password@" and give only the password as a secret` : '');
  }
  return `remove ${what} from ${kind} and pass it to the build step that needs it as a BuildSecret in "buildSecrets" ` +
    '(a RUN --mount=type=secret, never stored in a layer or the image history)';
}
