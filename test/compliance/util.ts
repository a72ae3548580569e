import { IConstruct } from 'constructs';
import { ComplianceFinding, LucidApp } from '../../src';

/** Every finding of one rule in the app (suppressed ones included). */
export function findingsOf(app: LucidApp, ruleId: string): ComplianceFinding[] {
  return app.compliance.findings().filter(f => f.ruleId === ruleId);
}

/** The construct paths one rule reports, sorted. */
export function pathsOf(app: LucidApp, ruleId: string): string[] {
  return findingsOf(app, ruleId).map(f => f.path).sort();
}

/** The construct path of a construct, as findings name it. */
export function pathOf(c: IConstruct): string {
  return c.node.path;
}
