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
