import { stepLabel, stepsOf, WorkflowRule } from './jobs';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * No `run:` script of a workflow holds a `${{ }}` expression: GitHub pastes the expression's value into the
 * script before the shell reads it, so a branch name or a pull request title can run commands. Pass the value
 * through the step's `env` and quote the variable instead.
 */
export class WorkflowNoExpressionInRun extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    for (const s of stepsOf(workflow)) {
      const run = s.step.run;
      const m = typeof run === 'string' ? run.match(/\$\{\{[^}]*\}\}/) : null;
      if (m) {
        violations.push({
          value: `${stepLabel(s)}: run contains ${show(m[0])}`,
          fix: 'move the expression to the step\'s env (env: { VALUE: <the expression> }) and use "$VALUE" in the script',
        });
      }
    }
    return violations;
  }
}
