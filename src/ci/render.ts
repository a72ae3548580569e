import { ActionPins } from './action-pins';
import { hasExpression } from './expression';
import { Job, Step, Workflow } from './workflow-model';
import { invalidWorkflow, workflowNotMapping } from '../core/errors';
import { readsBackUnderYaml12 } from '../core/yaml-scalars';
import { writeYaml } from '../core/yaml-writer';

/** The order of a job's keys in the file (GitHub reads them in any order). */
const JOB_KEYS = ['name', 'needs', 'if', 'runs-on', 'permissions', 'timeout-minutes', 'strategy', 'env', 'steps'];
/** The order of a step's keys. */
const STEP_KEYS = ['name', 'id', 'if', 'uses', 'with', 'shell', 'env', 'run'];

/**
 * The problems of a workflow object (computed, or overridden): a `run:` script holding an expression (values reach
 * scripts through `env:`), a `uses:` that is not a pinned action of the catalogue, and shapes GitHub rejects.
 */
export function workflowProblems(workflow: any, pins: ActionPins): string[] {
  const problems: string[] = [];
  if (!isObject(workflow) || !isObject(workflow.jobs)) {
    return ['jobs: a workflow needs a mapping of jobs'];
  }
  const pinned = new Set(Object.entries(pins.all()).map(([action, pin]) => `${action}@${pin.sha}`));
  for (const [id, job] of Object.entries<any>(workflow.jobs)) {
    if (!isObject(job)) {
      problems.push(`jobs.${id}: ${JSON.stringify(job)} is not a job (a mapping)`);
      continue;
    }
    if (job.uses !== undefined && !(typeof job.uses === 'string' && job.uses.startsWith('./'))) {
      problems.push(`jobs.${id}.uses: "${job.uses}" is not a workflow of this repository (call reusable workflows by their ./ path)`);
    }
    if (job.steps !== undefined && !Array.isArray(job.steps)) {
      problems.push(`jobs.${id}.steps: is not a list of steps`);
      continue;
    }
    for (const [i, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${id}.steps[${i}]`;
      if (!isObject(step)) {
        problems.push(`${where}: ${JSON.stringify(step)} is not a step (a mapping)`);
        continue;
      }
      if (typeof step.run === 'string' && hasExpression(step.run)) {
        problems.push(`job ${id}, step "${step.name ?? i}": a run script must not contain an expression ("\${{"); pass the value through env`);
      }
      if (step.uses !== undefined && !(typeof step.uses === 'string' && (step.uses.startsWith('./') || pinned.has(step.uses)))) {
        problems.push(`${where}.uses: "${step.uses}" is not a pinned action of the catalogue (pin it with the actionPins option, as <sha> # <version>)`);
      }
    }
  }
  return problems;
}

/**
 * Renders a workflow as YAML with the YAML writer (every value is serialized by it, never concatenated),
 * with the header comment lines first and each pinned `uses:` followed by its version, `# vX.Y.Z`.
 *
 * Refuses a workflow with a problem of `workflowProblems` (an expression inside a `run:` script, an action that
 * is not pinned).
 */
export function renderWorkflow(workflow: Workflow, pins: ActionPins, header: string[] = []): string {
  const problems = workflowProblems(workflow, pins);
  if (problems.length > 0) {
    throw invalidWorkflow(problems);
  }
  const jobs: { [id: string]: Job } = {};
  for (const [id, job] of Object.entries(workflow.jobs)) {
    jobs[id] = ordered(job.steps ? { ...job, steps: job.steps.map(s => ordered(s, STEP_KEYS)) as Step[] } : job, JOB_KEYS) as Job;
  }
  const versions = new Map<string, string>();
  for (const [action, pin] of Object.entries(pins.all())) {
    versions.set(`${action}@${pin.sha}`, pin.version);
  }
  const object = { ...workflow, jobs };
  if (!isObject(object)) {
    throw workflowNotMapping();
  }
  const body = writeYaml(object, {
    plain: readsBackUnderYaml12,
    literals: true,
    singleQuotes: true,
    commentAfter: (key, value) => {
      const version = key === 'uses' && typeof value === 'string' ? versions.get(value) : undefined;
      return version !== undefined ? ` ${version}` : undefined;
    },
  });
  return [...header.map(h => `# ${h}`), body].join('\n');
}

function isObject(x: unknown): x is { [key: string]: any } {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A copy of `obj` with `keys` first, in that order, then any other key. */
function ordered(obj: object, keys: string[]): object {
  const source = obj as { [key: string]: unknown };
  const out: { [key: string]: unknown } = {};
  for (const k of [...keys, ...Object.keys(source).filter(other => !keys.includes(other))]) {
    if (source[k] !== undefined) {
      out[k] = source[k];
    }
  }
  return out;
}
