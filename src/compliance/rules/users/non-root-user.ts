import { IConstruct } from 'constructs';
import { effectiveUser } from '../../../images/stage-inheritance';
import { DistrolessUser } from '../../../runtimes';
import { fromLine, show } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/** The spellings of distroless's nonroot user and group. */
const NONROOT = [String(DistrolessUser.NONROOT_UID), 'nonroot'];
const FIX_USER = `USER ${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`;

/**
 * The runtime (final) stage runs as distroless's nonroot user, uid 65532, in any of its spellings (`65532`,
 * `nonroot`, `65532:65532`, `nonroot:nonroot`, ...): its own last USER, or the user of what it is built FROM. An
 * image outside the catalogue that sets no USER runs as root.
 */
export class NonRootUser implements IRule {
  /**
   * Checks a runtime stage; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const user = effectiveUser(stage);
    if (user !== undefined && isNonroot(user)) {
      return RuleResult.compliant();
    }
    const value = stage.user !== undefined
      ? `USER ${show(stage.user)}`
      : `no USER, and ${fromLine(stage)} runs as ${user === undefined ? 'root unless that image sets another user' : show(user)}`;
    return RuleResult.nonCompliant([{ value, fix: fixFor(user) }]);
  }
}

function isNonroot(user: string): boolean {
  const parts = user.split(':');
  return parts.length <= 2 && parts.every(p => NONROOT.includes(p));
}

function fixFor(user: string | undefined): string {
  const uid = user?.split(':')[0];
  if (uid === undefined || uid === 'root' || uid === String(DistrolessUser.ROOT_UID)) {
    return `set ${FIX_USER} in the runtime stage (root in a container is root on the kernel's attack surface), and build FROM a :nonroot distroless image`;
  }
  if (NONROOT.includes(uid)) {
    return `set ${FIX_USER}: the nonroot user with its own group, not ${show(user!)}`;
  }
  return `set ${FIX_USER}: ${show(user!)} is not distroless's nonroot user (a user created in a builder does not exist in the runtime's /etc/passwd), ` +
    `and give the service the files it must write with COPY --chown=${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`;
}
