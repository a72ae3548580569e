import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { ActionPins } from './action-pins';
import { hasExpression } from './expression';
import { Job, Step, Workflow } from './workflow-model';

/** The order of a job's keys in the file (GitHub reads them in any order). */
const JOB_KEYS = ['name', 'needs', 'if', 'runs-on', 'permissions', 'timeout-minutes', 'strategy', 'env', 'steps'];
/** The order of a step's keys. */
const STEP_KEYS = ['name', 'id', 'if', 'uses', 'with', 'shell', 'env', 'run'];

/**
 * Renders a workflow as YAML through the `yaml` library (every value is serialized by it, never concatenated),
 * with the header comment lines first and each pinned `uses:` followed by its version, `# vX.Y.Z`.
 *
 * Refuses a workflow with an expression inside a `run:` script: values reach scripts through `env:`.
 */
export function renderWorkflow(workflow: Workflow, pins: ActionPins, header: string[] = []): string {
  const jobs: { [id: string]: Job } = {};
  for (const [id, job] of Object.entries(workflow.jobs)) {
    for (const step of job.steps) {
      if (step.run !== undefined && hasExpression(step.run)) {
        throw new Error(`job ${id}, step "${step.name}": a run script must not contain an expression ("\${{"); pass the value through env`);
      }
    }
    jobs[id] = ordered({ ...job, steps: job.steps.map(s => ordered(s, STEP_KEYS)) as Step[] }, JOB_KEYS) as Job;
  }
  const versions = new Map<string, string>();
  for (const [action, pin] of Object.entries(pins.all())) {
    versions.set(`${action}@${pin.sha}`, pin.version);
  }
  const doc = new Document({ ...workflow, jobs }, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
        const version = versions.get(String(pair.value.value));
        if (version === undefined) {
          throw new Error(`"${pair.value.value}" is not a pinned action of the catalogue`);
        }
        pair.value.comment = ` ${version}`;
      }
    },
  });
  if (!isMap(doc.contents)) {
    throw new Error('a workflow renders to a mapping');
  }
  const body = doc.toString({ lineWidth: 0 });
  return [...header.map(h => `# ${h}`), body].join('\n');
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
