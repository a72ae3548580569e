import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { LucidApp, LucidAppProps, Testing } from '../../src';

const PARSER_DIR = path.join(__dirname, 'parser');

/**
 * The errors GitHub's own workflow parser (@actions/workflow-parser) reports for each workflow text, keyed like
 * the input. The parser is an ES module that imports its JSON schema without import attributes, so it runs in a
 * child Node process with a loader hook (parser/register.mjs) that loads `.json` imports as JSON.
 */
export function workflowParserErrors(workflows: { [name: string]: string }): { [name: string]: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-workflows-'));
  try {
    const files: { [file: string]: string } = {};
    Object.entries(workflows).forEach(([name, text], i) => {
      const file = path.join(dir, `${i}.yml`);
      fs.writeFileSync(file, text);
      files[file] = name;
    });
    const stdout = execFileSync(process.execPath,
      ['--import', path.join(PARSER_DIR, 'register.mjs'), path.join(PARSER_DIR, 'parse-workflows.mjs'), ...Object.keys(files)],
      { encoding: 'utf-8', cwd: path.join(__dirname, '..', '..') });
    const byFile: { [file: string]: string[] } = JSON.parse(stdout);
    const out: { [name: string]: string[] } = {};
    for (const [file, errors] of Object.entries(byFile)) {
      out[files[file]] = errors;
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails unless GitHub's workflow parser accepts `text`; returns the parsed YAML. */
export function parseWorkflow(text: string): any {
  const errors = workflowParserErrors({ workflow: text }).workflow;
  if (errors.length > 0) {
    throw new Error(`GitHub's workflow parser rejects the workflow:\n${errors.join('\n')}\n---\n${text}`);
  }
  return parse(text);
}

/** A test app whose synthesis is not held up by the compliance rules, which other tests cover. */
export function ciApp(props: LucidAppProps = {}): LucidApp {
  return Testing.app({ compliance: { packs: [] }, ...props });
}

/** The workflow file of a synthesized app. */
export function workflowText(files: { [path: string]: string }, name = 'images'): string {
  const text = files[`.github/workflows/${name}.yml`];
  if (text === undefined) {
    throw new Error(`no workflow ${name}: ${Object.keys(files).join(', ')}`);
  }
  return text;
}

/** Every step of every job, with its job id. */
export function allSteps(workflow: any): Array<{ job: string; step: any }> {
  return Object.entries(workflow.jobs).flatMap(([job, j]: [string, any]) => j.steps.map((step: any) => ({ job, step })));
}

/** The `uses:` lines of a workflow text, as written (with their comments). */
export function usesLines(text: string): string[] {
  return text.split('\n').filter(l => /^\s*(- )?uses:/.test(l)).map(l => l.replace(/^\s*(- )?uses:\s*/, ''));
}

/** What happened to one job when a workflow ran (see parser/job-runs.mjs). */
export interface JobRun {
  /** Whether it took a runner. */
  readonly started: boolean;
  /** How many runs it had (its matrix), 0 when it did not start. */
  readonly runs: number;
  /** `success`, `failure` or `skipped`. */
  readonly result: string;
  /** Whether it started only to skip every step. */
  readonly idle: boolean;
}

/** The `github` context of a pull request. */
export const PULL_REQUEST = { event_name: 'pull_request', ref: 'refs/pull/7/merge', ref_type: 'branch', ref_name: '7/merge', repository_owner: 'Lucid' };
/** The `github` context of a push to `main`. */
export const PUSH_TO_MAIN = { event_name: 'push', ref: 'refs/heads/main', ref_type: 'branch', ref_name: 'main', repository_owner: 'Lucid' };

/**
 * Each job of the parsed `workflow` as GitHub would run it for the event of `github`, its `if`s evaluated by
 * GitHub's expression evaluator; the jobs in `failing` fail.
 */
export function jobRuns(workflow: any, github: object, failing: string[] = []): { [job: string]: JobRun } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-job-runs-'));
  try {
    fs.writeFileSync(path.join(dir, 'workflow.json'), JSON.stringify(workflow));
    fs.writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify({ github, failing }));
    const stdout = execFileSync(process.execPath, [path.join(PARSER_DIR, 'job-runs.mjs'), path.join(dir, 'workflow.json'), path.join(dir, 'scenario.json')],
      { encoding: 'utf-8', cwd: path.join(__dirname, '..', '..') });
    return JSON.parse(stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
