import type { ComplianceFinding, ComplianceSuppression } from '../compliance/finding';

/** A warning recorded on a construct (not a rule's finding). @internal */
export interface ConstructWarning {
  readonly path: string;
  readonly message: string;
}

/**
 * The lines synthesis prints for its warnings, grouped so that a user can act on them: one heading per rule
 * (its id, the number of findings and what it requires), then one line per finding with the construct path
 * relative to the app, what was found and the fix; then the construct warnings and unused suppressions.
 * @internal
 */
export function warningReport(appPath: string, findings: ComplianceFinding[], unused: ComplianceSuppression[],
  warnings: ConstructWarning[]): string[] {
  const rel = (p: string) => (p === appPath ? '.' : p.startsWith(`${appPath}/`) ? p.slice(appPath.length + 1) : p);
  const lines: string[] = [];
  const byRule = new Map<string, ComplianceFinding[]>();
  for (const f of findings) {
    byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  }
  for (const [ruleId, group] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`warning ${ruleId} (${group.length} ${group.length === 1 ? 'finding' : 'findings'}): ${group[0].info}`);
    for (const f of group) {
      lines.push(`  ${rel(f.path)}: ${f.value}. Fix: ${f.fix}`);
    }
  }
  if (warnings.length > 0) {
    lines.push(`warning (${warnings.length}):`);
    lines.push(...warnings.map(w => `  ${rel(w.path)}: ${w.message}`));
  }
  if (unused.length > 0) {
    lines.push(`warning: ${unused.length} ${unused.length === 1 ? 'suppression matches' : 'suppressions match'} no finding (remove them):`);
    lines.push(...unused.map(s => `  ${rel(s.path)}: ${s.ruleId} (reason given: "${s.reason}")`));
  }
  return lines;
}
