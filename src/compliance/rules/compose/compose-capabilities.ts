import { ComposeServiceEntry, ComposeServiceRule, listOf, serviceLabel } from './services';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * Every service of a compose file drops all Linux capabilities (`cap_drop: [ALL]`), adds none back
 * (`cap_add`), and sets `no-new-privileges` in `security_opt`, so that no setuid program can gain more.
 */
export class ComposeCapabilitiesDropped extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    const drop = listOf(e.service.cap_drop).map(c => c.toUpperCase());
    if (!drop.includes('ALL')) {
      violations.push({
        value: `${serviceLabel(e)}: cap_drop is ${drop.length === 0 ? 'not set' : show(drop.join(', '))}`,
        fix: 'set cap_drop: [ALL]',
      });
    }
    const add = listOf(e.service.cap_add);
    if (add.length > 0) {
      violations.push({
        value: `${serviceLabel(e)}: cap_add ${show(add.join(', '))}`,
        fix: 'remove cap_add: a service that must bind a port below 1024 can listen on a high port instead',
      });
    }
    const opts = listOf(e.service.security_opt).map(o => o.replace(/\s+/g, ''));
    if (!opts.some(o => o === 'no-new-privileges' || o === 'no-new-privileges:true' || o === 'no-new-privileges=true')) {
      violations.push({
        value: `${serviceLabel(e)}: security_opt has no no-new-privileges`,
        fix: 'add security_opt: ["no-new-privileges:true"]',
      });
    }
    return violations;
  }
}
