import { isMap, stepLabel, stepsOf, usesAction, WorkflowRule } from './jobs';
import { ComplianceViolation } from '../../rule';

/**
 * Every `actions/checkout` step of a workflow sets `persist-credentials: false`: otherwise the token stays in
 * `.git/config` for every later step (and any artifact that uploads the checkout) to read.
 */
export class WorkflowCheckoutWithoutCredentials extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    for (const s of stepsOf(workflow)) {
      const persist = isMap(s.step.with) ? s.step.with['persist-credentials'] : undefined;
      if (usesAction(s.step, 'actions/checkout') && String(persist).trim() !== 'false') {
        violations.push({
          value: `${stepLabel(s)}: persist-credentials is ${persist === undefined ? 'not set (true)' : String(persist)}`,
          fix: 'add with: { persist-credentials: false } to the checkout step',
        });
      }
    }
    return violations;
  }
}
