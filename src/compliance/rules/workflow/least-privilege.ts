import { isMap, jobLabel, jobsOf, WorkflowJobEntry, WorkflowRule } from './jobs';
import { show } from '../../finding-format';
import { ComplianceViolation } from '../../rule';

/**
 * A workflow grants its token least privilege: top-level `permissions` are set and grant no write scope, and
 * a job that grants itself a write scope pushes (a step with `push` set, or a run of `docker push`, `--push` or
 * `imagetools create`). Without top-level permissions the token gets the repository's default, often write-all.
 */
export class WorkflowLeastPrivilege extends WorkflowRule {
  protected checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[] {
    const violations: ComplianceViolation[] = [];
    if (workflow.permissions === undefined) {
      violations.push({
        value: 'no top-level permissions',
        fix: 'set top-level permissions: { contents: read }, and grant write scopes on the jobs that need them',
      });
    } else {
      for (const scope of writeScopes(workflow.permissions)) {
        violations.push({
          value: `top-level permissions: ${show(scope)}`,
          fix: 'grant only read at the top level (permissions: { contents: read }) and the write scope on the job that pushes',
        });
      }
    }
    for (const job of jobsOf(workflow)) {
      const writes = writeScopes(job.job.permissions);
      if (writes.length > 0 && !pushes(job)) {
        violations.push({
          value: `${jobLabel(job)}: permissions ${show(writes.join(', '))}, and no step pushes`,
          fix: 'remove the write scope from this job, or grant it on the job whose steps push',
        });
      }
    }
    return violations;
  }
}

/** The write scopes of a `permissions` value: `write-all`, or every `<scope>: write`. */
function writeScopes(permissions: unknown): string[] {
  if (typeof permissions === 'string') {
    return permissions.trim() === 'write-all' ? ['write-all'] : [];
  }
  return isMap(permissions)
    ? Object.entries(permissions).filter(([, v]) => String(v).trim() === 'write').map(([k]) => `${k}: write`)
    : [];
}

function pushes(job: WorkflowJobEntry): boolean {
  const steps: unknown[] = Array.isArray(job.job.steps) ? job.job.steps : [];
  return steps.some(s => isMap(s) && (
    (isMap(s.with) && s.with.push !== undefined && String(s.with.push).trim() !== 'false')
    || (typeof s.run === 'string' && /\bdocker\s+push\b|--push\b|\bimagetools\s+create\b/.test(s.run))));
}
