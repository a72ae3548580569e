import { jobLabel, jobsOf, WorkflowRule } from './jobs';
import { ComplianceViolation } from '../../rule';

/**
 * Every job of a workflow that runs steps sets `timeout-minutes`: GitHub's default is 6 hours, which a hung
 * build spends in full. (A job that calls a reusable workflow takes the timeouts of that workflow's jobs.)
 */
export class WorkflowJobTimeouts extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    for (const job of jobsOf(workflow)) {
      if (job.job.uses === undefined && job.job['timeout-minutes'] === undefined) {
        violations.push({ value: `${jobLabel(job)}: no timeout-minutes`, fix: 'set timeout-minutes on the job (e.g. 30)' });
      }
    }
    return violations;
  }
}
