import { ComposeServiceEntry, ComposeServiceRule, listOf, serviceLabel } from './services';
import { DistrolessUser } from '../../../runtimes';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * Every service of a compose file runs as a user other than root: `user` is set, and its uid is neither
 * `0` nor `root`. Without `user`, the container runs as its image's user, which the file does not show.
 */
export class ComposeNonRoot extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    const user = listOf(e.service.user)[0];
    const uid = user?.split(':')[0];
    if (user === undefined || uid === '' || uid === 'root' || uid === String(DistrolessUser.ROOT_UID)) {
      violations.push({
        value: `${serviceLabel(e)}: ${user === undefined ? 'no user (the image\'s user, root unless it sets another)' : `user ${show(user)}`}`,
        fix: `set user: "${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}" on the service (a LucidService does), or the uid its image runs as`,
      });
    }
    return violations;
  }
}
