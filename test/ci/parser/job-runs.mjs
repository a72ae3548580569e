// Plays a workflow's jobs through as GitHub would for one event, evaluating every job and step `if` with GitHub's
// own expression evaluator (@actions/expressions, from actions/languageservices), and prints, per job, whether it
// started (took a runner), how many runs it had (its matrix), its result, and whether every step it ran was skipped.
//
// GitHub's rules (docs "Using conditions to control job execution", "jobs.<job_id>.needs"): an `if` without a
// status function is `success() && (<if>)`; a missing one is `success()`; `success()` is true when every needed job
// succeeded, `failure()` when one failed, `always()` always, `cancelled()` when the run was cancelled (never here).
// A job that does not start is `skipped`. Jobs named in `failing` fail (every other started job succeeds).
//
// Run with: node job-runs.mjs <workflow.json> <scenario.json>, where the workflow is the parsed YAML and the scenario
// is `{ "github": { "event_name": …, "ref": …, … }, "failing": [job ids] }`. Prints JSON.
import { readFileSync } from 'node:fs';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';

const workflow = JSON.parse(readFileSync(process.argv[2], 'utf-8'));
const scenario = JSON.parse(readFileSync(process.argv[3], 'utf-8'));
const failing = new Set(scenario.failing ?? []);

const STATUS = ['success', 'failure', 'always', 'cancelled'];

function toData(value) {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver);
}

function truthy(d) {
  switch (d.kind) {
    case data.Kind.Boolean: return d.value;
    case data.Kind.Null: return false;
    case data.Kind.Number: return d.value !== 0 && !Number.isNaN(d.value);
    case data.Kind.String: return d.value.length > 0;
    default: return true;
  }
}

/** Evaluates `condition` (with or without `${{ }}`) in `contexts`, with the status functions over `needsResults`. */
function evaluate(condition, contexts, needsResults) {
  let text = condition === undefined ? 'success()' : String(condition).trim();
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(text);
  if (m) text = m[1].trim();
  if (!STATUS.some(f => new RegExp(`\\b${f}\\s*\\(`).test(text))) text = `success() && (${text})`;
  const results = Object.values(needsResults);
  const status = {
    success: () => results.every(r => r === 'success'),
    failure: () => results.some(r => r === 'failure'),
    always: () => true,
    cancelled: () => false,
  };
  const functions = new Map(STATUS.map(name => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status[name]()) }]));
  const lexed = new Lexer(text).lex();
  const expr = new Parser(lexed.tokens, Object.keys(contexts), [...functions.values()]).parse();
  const context = new data.Dictionary(...Object.entries(contexts).map(([key, value]) => ({ key, value: toData(value) })));
  return truthy(new Evaluator(expr, context, functions).evaluate());
}

const jobs = workflow.jobs;
const out = {};
const visit = id => {
  if (out[id]) return out[id];
  const job = jobs[id];
  const needs = [].concat(job.needs ?? []);
  const needsResults = {};
  const needsContext = {};
  for (const n of needs) {
    needsResults[n] = visit(n).result;
    needsContext[n] = { result: needsResults[n], outputs: {} };
  }
  const github = scenario.github;
  const starts = evaluate(job.if, { github, needs: needsContext, inputs: {}, vars: {} }, needsResults);
  if (!starts) {
    out[id] = { started: false, runs: 0, result: 'skipped', idle: false };
    return out[id];
  }
  const include = job.strategy?.matrix?.include ?? [{}];
  let ranAStep = false;
  for (const matrix of include) {
    for (const step of job.steps ?? []) {
      // Steps see the job's results so far: every step before succeeded.
      if (evaluate(step.if, { github, matrix, env: { ...workflow.env, ...job.env }, needs: needsContext, steps: {}, runner: {}, job: {}, inputs: {}, vars: {}, secrets: {}, strategy: {} }, {})) {
        ranAStep = true;
      }
    }
  }
  out[id] = { started: true, runs: include.length, result: failing.has(id) ? 'failure' : 'success', idle: !ranAStep };
  return out[id];
};
Object.keys(jobs).forEach(visit);
process.stdout.write(JSON.stringify(out));
