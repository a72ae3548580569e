import { ComposeServiceEntry, ComposeServiceRule, isMap, listOf, serviceLabel } from './services';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * Every port a compose file publishes on the host is bound to an explicit address (`host_ip`, or
 * `127.0.0.1:8080:8080` in the short form). Without one, Docker publishes on every interface of the host, and its
 * iptables rules bypass the host's firewall.
 */
export class ComposePortsBound extends ComposeServiceRule {
  protected checkService(e: ComposeServiceEntry): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    const ports: unknown[] = Array.isArray(e.service.ports) ? e.service.ports : listOf(e.service.ports);
    for (const p of ports) {
      const unbound = isMap(p)
        ? p.published !== undefined && (p.host_ip === undefined || String(p.host_ip).trim() === '')
        : shortFormUnbound(String(p));
      if (unbound) {
        violations.push({
          value: `${serviceLabel(e)}: ports ${show(isMap(p) ? JSON.stringify(p) : String(p))}`,
          fix: 'bind the published port to an address, e.g. "127.0.0.1:8080:8080" or host_ip: 127.0.0.1 (ComposeOptions.publishAddress)',
        });
      }
    }
    return violations;
  }
}

/**
 * Whether a short-form port publishes on every interface: `8080` and `8080:80` do, `127.0.0.1:8080:80` and
 * `[::1]:8080:80` do not. A bare container port (`80`) publishes a random host port on every interface.
 */
function shortFormUnbound(spec: string): boolean {
  const s = spec.replace(/\/(tcp|udp|sctp)$/i, '');
  if (s.startsWith('[')) {
    return false;
  }
  return s.split(':').length < 3;
}
