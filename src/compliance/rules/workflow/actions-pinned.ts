import { jobLabel, jobsOf, stepLabel, stepsOf, WorkflowRule } from './jobs';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * Every action and reusable workflow a workflow uses is pinned to a full commit SHA (`owner/repo@<40 hex>`,
 * the version in a comment): a tag or branch can be moved to other code, as happened to tj-actions/changed-files.
 * Actions of the repository itself (`./...`) and Docker images pinned by digest (`docker://...@sha256:...`)
 * comply.
 */
export class WorkflowActionsPinned extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    const check = (uses: unknown, where: string) => {
      if (typeof uses === 'string' && !isPinned(uses)) {
        violations.push({
          value: `${where}: uses ${show(uses)}`,
          fix: `pin it to the commit of the release: uses: ${uses.split('@')[0]}@<40-character commit SHA> # <tag> (a bot such as Renovate keeps the pin current)`,
        });
      }
    };
    for (const job of jobsOf(workflow)) {
      check(job.job.uses, jobLabel(job));
    }
    for (const s of stepsOf(workflow)) {
      check(s.step.uses, stepLabel(s));
    }
    return violations;
  }
}

function isPinned(uses: string): boolean {
  if (uses.startsWith('./')) {
    return true;
  }
  if (uses.startsWith('docker://')) {
    return /@sha256:[0-9a-f]{64}$/.test(uses);
  }
  return /^[^@\s]+@[0-9a-f]{40}$/.test(uses);
}
