import { eventsOf, isMap, stepLabel, stepsOf, usesAction, WorkflowRule } from './jobs';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * A workflow that runs on `pull_request_target` (with the base repository's secrets and a write token) never
 * checks out the pull request's code (`actions/checkout` with a `ref` naming the pull request's head or merge
 * commit), which would run a stranger's code with those secrets.
 */
export class WorkflowNoUntrustedCheckout extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    if (!eventsOf(workflow).includes('pull_request_target')) {
      return [];
    }
    const violations: ComplianceViolation[] = [];
    for (const s of stepsOf(workflow)) {
      const ref = isMap(s.step.with) ? s.step.with.ref : undefined;
      if (usesAction(s.step, 'actions/checkout') && typeof ref === 'string'
        && /github\.(event\.pull_request|head_ref)|refs\/pull\//.test(ref)) {
        violations.push({
          value: `${stepLabel(s)}: checks out ${show(ref)} on pull_request_target`,
          fix: 'run the pull request\'s code on pull_request (no secrets, read token) instead; keep pull_request_target for steps that never check out its code',
        });
      }
    }
    return violations;
  }
}
