import { IConstruct } from 'constructs';
import { ComplianceSuppression } from './finding';

/** Metadata type of suppressions. @internal */
export const SUPPRESSION_METADATA = 'lucid-cdk:compliance-suppression';

/** The shortest reason a suppression may give. @internal */
export const MIN_REASON_LENGTH = 10;

/** Records a suppression on a construct (validated by the caller). @internal */
export function addSuppression(construct: IConstruct, ruleId: string, reason: string): void {
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason });
}

/** The suppressions placed on this construct itself. @internal */
export function ownSuppressions(construct: IConstruct): ComplianceSuppression[] {
  return construct.node.metadata
    .filter(e => e.type === SUPPRESSION_METADATA)
    .map(e => ({ path: construct.node.path, ruleId: e.data.ruleId, reason: e.data.reason }));
}

/** The suppression of `ruleId` that covers `construct`: on it, or on the nearest scope above it. @internal */
export function findSuppression(construct: IConstruct, ruleId: string): ComplianceSuppression | undefined {
  const scopes = construct.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const found = ownSuppressions(scopes[i]).find(s => s.ruleId === ruleId);
    if (found) {
      return found;
    }
  }
  return undefined;
}
