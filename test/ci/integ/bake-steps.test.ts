import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { DistrolessPythonBase, ImagesWorkflowOptions, Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../../src';
import { docker } from '../../util/docker';
import { ciApp, workflowText } from '../util';

// The bake steps of the workflow, replayed with `docker buildx bake --print` (no engine needed) on the generated
// bake file, the way docker/bake-action v7 runs them: in the app's folder (`source`), with `files`, `targets`,
// `--load`/`--push`, each `set` line as `--set`, and the bake variables from the environment.

jest.setTimeout(180_000);

/** Synthesizes an app (python-base ← auth) into a folder and returns it with its parsed workflow. */
function synth(workflows: ImagesWorkflowOptions): { dir: string; workflow: any } {
  const app = ciApp({ workflows });
  const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base', requirements: 'requirements.txt' });
  new LucidService(app, 'auth', {
    plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'auth', directory: 'apps/auth', port: 8080, runtime: ServiceRuntime.python({ baseImage: base }),
  });
  const files = Testing.synth(app);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-ci-bake-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return { dir, workflow: parse(workflowText(files)) };
}

/** `docker buildx bake --print` of a bake-action step, with `env` as the environment and matrix values filled in. */
function printStep(dir: string, step: any, env: { [name: string]: string }, matrix: { [name: string]: string } = {}): any {
  const fill = (v: string) => v.replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, k) => matrix[k]);
  const args = ['buildx', 'bake', '--print', '-f', step.with.files];
  if (step.with.load) args.push('--load');
  if (step.with.push) args.push('--push');
  for (const line of String(step.with.set ?? '').split('\n').filter(l => l)) {
    args.push('--set', fill(line));
  }
  args.push(step.with.targets);
  const names = ['REGISTRY', 'TAG', 'CACHE', 'PLATFORMS', 'ATTEST'];
  const saved = Object.fromEntries(names.map(n => [n, process.env[n]]));
  try {
    for (const n of names) delete process.env[n];
    const stepEnv = Object.fromEntries(Object.entries<string>(step.env ?? {}).map(([name, value]) => [name, fill(String(value))]));
    for (const [name, value] of Object.entries({ ...env, ...stepEnv })) {
      process.env[name] = value;
    }
    return JSON.parse(docker(args, path.join(dir, step.with.source)).stdout);
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n]; else process.env[n] = saved[n];
    }
  }
}

/** The gha cache scopes of a printed cache list. */
const scopes = (entries: any[]): string[] => (entries ?? []).map(e => (typeof e === 'string' ? e : `type=${e.type},scope=${e.scope}${e.mode ? `,mode=${e.mode}` : ''}`));

const ENV = { REGISTRY: 'ghcr.io/lucid', TAG: 'latest', CACHE: 'gha' };

describe('the bake steps of the images workflow, as buildx resolves them', () => {
  const { dir, workflow } = synth({});
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const job = workflow.jobs['build-auth'];
  const bakeSteps = job.steps.filter((s: any) => String(s.uses).startsWith('docker/bake-action@'));

  test('the test build loads the image for one platform, reading the pushed cache and writing its own scope', () => {
    const printed = printStep(dir, bakeSteps[0], ENV);
    expect(printed.target.auth.platforms).toEqual(['linux/amd64']);
    expect(printed.target.auth.tags).toEqual(['ghcr.io/lucid/lucid-auth:latest']);
    expect(printed.target.auth.output).toEqual([expect.objectContaining({ type: 'docker' })]);
    expect(scopes(printed.target.auth['cache-from'])).toEqual(['type=gha,scope=lucid-auth', 'type=gha,scope=lucid-auth-amd64']);
    expect(scopes(printed.target.auth['cache-to'])).toEqual(['type=gha,scope=lucid-auth-amd64,mode=max']);
    // the base image it is built on, through its `target:` context, too
    expect(printed.target.auth.contexts).toEqual({ 'pickme/lucid-python-base': 'target:python-base' });
    expect(scopes(printed.target['python-base']['cache-to'])).toEqual(['type=gha,scope=lucid-python-base-amd64,mode=max']);
  });

  test('the push builds every platform into the image\'s own cache scope, with attestations', () => {
    const printed = printStep(dir, bakeSteps[1], ENV);
    expect(printed.target.auth.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(printed.target.auth.output).toEqual([expect.objectContaining({ type: 'image', push: 'true' })]);
    expect(scopes(printed.target.auth['cache-to'])).toEqual(['type=gha,scope=lucid-auth,mode=max']);
    expect(printed.target.auth.attest).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'sbom' })]));
  });

  describe('with native fan-out', () => {
    const native = synth({ nativeMultiArch: true });
    afterAll(() => fs.rmSync(native.dir, { recursive: true, force: true }));
    const steps = native.workflow.jobs['build-auth'].steps.filter((s: any) => String(s.uses).startsWith('docker/bake-action@'));
    const matrix = { platform: 'linux/arm64', arch: 'arm64' };
    const env = { ...ENV, PLATFORMS: 'linux/arm64' };

    test('each platform job pushes its platform by digest, with a cache scope of its own', () => {
      const printed = printStep(native.dir, steps[1], env, matrix);
      expect(printed.target.auth.platforms).toEqual(['linux/arm64']);
      expect(printed.target.auth.output).toEqual([expect.objectContaining({
        'type': 'image', 'push-by-digest': 'true', 'name-canonical': 'true', 'push': 'true',
      })]);
      expect(scopes(printed.target.auth['cache-from'])).toEqual(['type=gha,scope=lucid-auth-arm64']);
      expect(scopes(printed.target['python-base']['cache-to'])).toEqual(['type=gha,scope=lucid-python-base-arm64,mode=max']);
    });
  });
});
