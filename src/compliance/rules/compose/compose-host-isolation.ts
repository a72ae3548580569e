import { ComposeServiceEntry, ComposeServiceRule, serviceLabel } from './services';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * No service of a compose file is `privileged` or shares the host's network, PID or IPC namespace
 * (`network_mode`, `pid`, `ipc`: `host`). A development override that needs one says so with a suppression.
 */
export class ComposeHostIsolation extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    if (e.service.privileged === true || e.service.privileged === 'true') {
      violations.push({ value: `${serviceLabel(e)}: privileged: true`, fix: 'remove privileged: a privileged container is root on the host' });
    }
    for (const key of ['network_mode', 'pid', 'ipc', 'uts', 'userns_mode', 'cgroup']) {
      const v = e.service[key];
      if (typeof v === 'string' && v.trim() === 'host') {
        violations.push({
          value: `${serviceLabel(e)}: ${key}: ${show(v)}`,
          fix: `remove ${key}: host; keep it only in a development override that is suppressed with its reason`,
        });
      }
    }
    return violations;
  }
}
