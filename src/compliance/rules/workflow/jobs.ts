import { IConstruct } from 'constructs';
import { DocumentKind, isDocument } from '../../../core/document';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';
import { isMap } from '../compose/services';

export { isMap };

/** One job of a workflow, as the file writes it. */
export interface WorkflowJobEntry {
  readonly id: string;
  readonly job: { [key: string]: any };
}

/** One step of a job, with its position. */
export interface WorkflowStepEntry {
  readonly job: WorkflowJobEntry;
  readonly index: number;
  readonly step: { [key: string]: any };
}

/**
 * A rule that judges a GitHub Actions workflow from its object. Not applicable to anything but workflows.
 */
export abstract class WorkflowRule implements IRule {
  /**
   * Checks a workflow; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const workflow = workflowOf(construct);
    return workflow ? RuleResult.of(this.checkWorkflow(workflow)) : RuleResult.notApplicable();
  }

  /**
   * What is wrong with the workflow (empty: it complies).
   * @param workflow the workflow's object, as the file writes it
   */
  protected abstract checkWorkflow(workflow: { [key: string]: any }): ComplianceViolation[];
}

/** The workflow's object, or `undefined` when `c` is not a workflow. */
export function workflowOf(c: IConstruct): { [key: string]: any } | undefined {
  if (!isDocument(c, DocumentKind.WORKFLOW)) {
    return undefined;
  }
  const w = c.documentObject();
  return isMap(w) ? w : {};
}

/** The jobs of a workflow. */
export function jobsOf(workflow: { [key: string]: any }): WorkflowJobEntry[] {
  return isMap(workflow.jobs)
    ? Object.entries(workflow.jobs).filter(([, j]) => isMap(j)).map(([id, job]) => ({ id, job: job as { [key: string]: any } }))
    : [];
}

/** The steps of every job of a workflow. */
export function stepsOf(workflow: { [key: string]: any }): WorkflowStepEntry[] {
  const out: WorkflowStepEntry[] = [];
  for (const job of jobsOf(workflow)) {
    const steps: unknown[] = Array.isArray(job.job.steps) ? job.job.steps : [];
    steps.forEach((step, index) => {
      if (isMap(step)) {
        out.push({ job, index, step });
      }
    });
  }
  return out;
}

/** `job "id"` or `job "id", step "name"` (or its number), as findings name them. */
export function jobLabel(job: WorkflowJobEntry): string {
  return `job ${JSON.stringify(job.id)}`;
}

export function stepLabel(s: WorkflowStepEntry): string {
  const name = typeof s.step.name === 'string' ? JSON.stringify(s.step.name) : `${s.index + 1}`;
  return `${jobLabel(s.job)}, step ${name}`;
}

/** The events a workflow runs on (`on:` as a string, a list or a mapping). */
export function eventsOf(workflow: { [key: string]: any }): string[] {
  const on = workflow.on ?? workflow.true;
  if (typeof on === 'string') {
    return [on];
  }
  if (Array.isArray(on)) {
    return on.map(String);
  }
  return isMap(on) ? Object.keys(on) : [];
}

/** Whether a step uses `action` (`owner/repo`), at any version. */
export function usesAction(step: { [key: string]: any }, action: string): boolean {
  return typeof step.uses === 'string' && step.uses.toLowerCase().startsWith(`${action}@`);
}

