import { isMap, jobLabel, jobsOf, WorkflowRule } from './jobs';
import { ComplianceViolation } from '../../rule';

const SECRET = /\$\{\{[^}]*\bsecrets\./;

/**
 * A workflow gives a secret only to the steps that use it: no `${{ secrets.* }}` in the workflow's or a job's
 * `env`, where every step of the job (third-party actions included) can read it.
 */
export class WorkflowSecretsInSteps extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    const check = (env: unknown, where: string) => {
      for (const [name, value] of isMap(env) ? Object.entries(env) : []) {
        if (SECRET.test(String(value))) {
          violations.push({
            value: `${where} env ${name} holds a secret`,
            fix: `move ${name} to the env (or with) of the one step that uses it`,
          });
        }
      }
    };
    check(workflow.env, 'the workflow\'s');
    for (const job of jobsOf(workflow)) {
      check(job.job.env, `${jobLabel(job)}:`);
    }
    return violations;
  }
}
