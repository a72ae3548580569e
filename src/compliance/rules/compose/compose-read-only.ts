import { ComposeServiceEntry, ComposeServiceRule, listOf, serviceLabel } from './services';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * Every service of a compose file has a read-only root filesystem (`read_only: true`), and what it writes goes to
 * tmpfs mounts at absolute paths it declares.
 */
export class ComposeReadOnlyRoot extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    if (e.service.read_only !== true && e.service.read_only !== 'true') {
      violations.push({
        value: `${serviceLabel(e)}: read_only is ${e.service.read_only === undefined ? 'not set' : show(String(e.service.read_only))}`,
        fix: 'set read_only: true, and give the service a tmpfs (e.g. tmpfs: ["/tmp"]) for the paths it writes',
      });
    }
    for (const t of listOf(e.service.tmpfs)) {
      if (!t.startsWith('/')) {
        violations.push({ value: `${serviceLabel(e)}: tmpfs ${show(t)}`, fix: 'mount tmpfs at an absolute path inside the container, e.g. "/tmp"' });
      }
    }
    return violations;
  }
}
