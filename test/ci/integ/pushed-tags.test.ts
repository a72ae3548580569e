import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from '../../../src';
import { devBasesApp } from '../../images/dev-bases';
import { docker } from '../../util/docker';
import { jobRuns, parseWorkflow, PUSH_TO_MAIN, workflowText } from '../util';

// Bake and the workflow agree: every tag the bake file declares (`docker buildx bake --print` of the `default` and,
// with per-architecture tags, the `per-arch` group) is pushed by the workflow on a push to main, and nothing else.
// The workflow's pushes are replayed for real: each job that starts on a push (GitHub's expression evaluator
// decides) has its "Resolve the image reference" script run by bash; the tags of a bake push step are those
// `docker buildx bake --print` gives its targets; the tags of a manifest merge are those its script passes to
// `docker buildx imagetools create -t`, run by bash against a stand-in `docker` that records its arguments, over
// the digest folders the platform jobs' artifacts download to.

jest.setTimeout(300_000);

const OWNER = 'Lucid';
const BAKE_VARIABLES = ['REGISTRY', 'TAG', 'CACHE', 'PLATFORMS', 'ATTEST'];

interface Synth { readonly dir: string; readonly workflow: any }

function synth(perArchitectureTags: boolean, nativeMultiArch: boolean): Synth {
  const files = Testing.synth(devBasesApp({ bake: { perArchitectureTags }, workflows: { nativeMultiArch } }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-pushed-tags-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return { dir, workflow: parseWorkflow(workflowText(files)) };
}

/** `docker buildx bake --print` of `targets` in `dir` with exactly `env` as the bake variables. */
function bakePrint(dir: string, file: string, targets: string[], env: { [name: string]: string }, set: string[] = []): any {
  const saved = Object.fromEntries(BAKE_VARIABLES.map(n => [n, process.env[n]]));
  try {
    for (const n of BAKE_VARIABLES) delete process.env[n];
    Object.assign(process.env, env);
    return JSON.parse(docker(['buildx', 'bake', '--print', '-f', file, ...set.flatMap(s => ['--set', s]), ...targets], dir).stdout);
  } finally {
    for (const n of BAKE_VARIABLES) {
      if (saved[n] === undefined) delete process.env[n]; else process.env[n] = saved[n]!;
    }
  }
}

/** Runs a `run:` script with bash in `cwd`, with `env`, returning what it appended to $GITHUB_ENV. */
function runScript(script: string, env: { [name: string]: string }, cwd: string): { [name: string]: string } {
  const githubEnv = path.join(cwd, 'github-env');
  fs.writeFileSync(githubEnv, '');
  execFileSync('bash', ['-c', script], { cwd, env: { PATH: process.env.PATH, ...env, GITHUB_ENV: githubEnv }, encoding: 'utf-8' });
  return Object.fromEntries(fs.readFileSync(githubEnv, 'utf-8').split('\n').filter(l => l).map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** The tags each job of the workflow that starts on a push to main pushes. */
function pushedTags({ dir, workflow }: Synth): string[] {
  const runs = jobRuns(workflow, PUSH_TO_MAIN);
  const tags: string[] = [];
  for (const [id, job] of Object.entries<any>(workflow.jobs)) {
    if (!runs[id].started || id === 'lint') continue;
    const include: any[] = job.strategy?.matrix?.include ?? [{}];
    for (const matrix of include) {
      const fill = (v: unknown) => String(v)
        .replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, k) => matrix[k])
        // the tag expression of a push to a branch
        .replace(/^\$\{\{ github\.ref_type == 'tag' && github\.ref_name \|\| '([^']*)' \}\}$/, '$1');
      const env: { [name: string]: string } = Object.fromEntries(Object.entries<any>(job.env ?? {}).map(([k, v]) => [k, fill(v)]));
      const work = fs.mkdtempSync(path.join(dir, 'job-'));
      for (const step of job.steps) {
        if (step.name === 'Resolve the image reference') {
          Object.assign(env, runScript(step.run, { ...env, OWNER }, work));
        } else if (String(step.uses).startsWith('docker/bake-action@') && step.with.push) {
          const targets = String(step.with.targets).split(',');
          const set = String(step.with.set ?? '').split('\n').filter(l => l).map(fill);
          const printed = bakePrint(path.join(dir, step.with.source), step.with.files, targets,
            { REGISTRY: env.REGISTRY, TAG: env.TAG, ...Object.fromEntries(Object.entries<any>(step.env ?? {}).map(([k, v]) => [k, fill(v)])) }, set);
          const output = JSON.stringify(printed.target[targets[0]].output ?? []);
          // a push by digest pushes no tag: the merge job tags it
          if (!output.includes('push-by-digest')) {
            tags.push(...targets.flatMap(t => printed.target[t].tags));
          }
        } else if (/imagetools create/.test(step.run ?? '')) {
          tags.push(...mergeTags(step.run, env, work, id.replace(/^merge-/, '')));
        }
      }
    }
  }
  return tags.sort();
}

/** The `-t` tags a merge script passes to `docker buildx imagetools create`, over one digest per platform. */
function mergeTags(script: string, env: { [name: string]: string }, work: string, target: string): string[] {
  const temp = path.join(work, 'runner-temp');
  for (const arch of ['amd64', 'arm64']) {
    fs.mkdirSync(path.join(temp, 'digests', `digests-${target}-${arch}`), { recursive: true });
    fs.writeFileSync(path.join(temp, 'digests', `digests-${target}-${arch}`, `${arch}0000`), '');
  }
  const bin = path.join(work, 'bin');
  const log = path.join(work, 'docker.log');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'docker'), `#!/bin/bash\nprintf '%s\\n' "$*" >> ${JSON.stringify(log)}\n`, { mode: 0o755 });
  execFileSync('bash', ['-c', script], { env: { ...env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: temp }, encoding: 'utf-8' });
  return fs.readFileSync(log, 'utf-8').split('\n')
    .filter(l => l.startsWith('buildx imagetools create'))
    .map(l => {
      expect(l).toMatch(/@sha256:(amd64|arm64)0000/);
      return /-t (\S+)/.exec(l)![1];
    });
}

/** Every tag of the bake file's targets for the registry and tag a push to main resolves to. */
function bakeTags({ dir }: Synth, perArch: boolean): string[] {
  const printed = bakePrint(dir, 'docker-bake.hcl', perArch ? ['default', 'per-arch'] : ['default'], { REGISTRY: `ghcr.io/${OWNER.toLowerCase()}`, TAG: 'latest' });
  return Object.values<any>(printed.target).flatMap(t => t.tags).sort();
}

describe.each([
  ['one runner per image', false],
  ['native fan-out', true],
])('the tags pushed on main, with %s', (_what, native) => {
  test.each([
    ['without per-architecture tags', false],
    ['with per-architecture tags', true],
  ])('are the bake file\'s, %s', (_w, perArch) => {
    // GIVEN
    const s = synth(perArch, native);
    try {
      // WHEN
      const pushed = pushedTags(s);

      // THEN
      expect(pushed).toEqual(bakeTags(s, perArch));
      expect(pushed).toContain('ghcr.io/lucid/lucid-base:python-distroless');
      if (perArch) {
        expect(pushed).toContain('ghcr.io/lucid/lucid-base:python-distroless-arm64');
        expect(pushed).toContain('ghcr.io/lucid/lucid-auth:latest-amd64');
      }
    } finally {
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  });
});
