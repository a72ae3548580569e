import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { DistrolessPythonBase, ImagesWorkflowOptions, Layer, LucidService, Plane, SecretSource, ServiceRuntime, Testing } from '../../../src';
import { docker } from '../../util/docker';
import { ciApp, workflowText } from '../util';

// The build secret steps of the workflow, run for real: the write step's script with bash (as a `shell: bash` step
// runs it), then each bake step replayed with `docker buildx bake --print` the way docker/bake-action v7 runs it (in
// the app's folder, each `set` line as `--set`, `allow` as `--allow`, the step's env), with `${{ runner.temp }}`
// and `${{ secrets.* }}` filled in. The app folder holds no secret file: bake must read the written ones.

jest.setTimeout(180_000);

const PIP_CONF = '[global]\nindex-url = https://user:pass@pypi.example.com/simple\n';
const NETRC = 'machine git.example.com login ci password hunter2\n';
const TOKEN = 'token-value';

/** Synthesizes python-base (FILE netrc) ← api (FILE pip-conf, ENVIRONMENT index-token) into a folder. */
function synth(workflows: ImagesWorkflowOptions): { dir: string; workflow: any } {
  const app = ciApp({ workflows });
  const base = new DistrolessPythonBase(app, 'python-base', {
    directory: 'images/python-base',
    requirements: 'requirements.txt',
    buildSecrets: [{ id: 'netrc', source: SecretSource.FILE, location: 'secrets/netrc', target: '/root/.netrc' }],
  });
  new LucidService(app, 'api', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'api',
    directory: 'apps/api',
    port: 8080,
    runtime: ServiceRuntime.python({ baseImage: base }),
    buildSecrets: [
      { id: 'pip-conf', source: SecretSource.FILE, location: 'secrets/pip.conf', target: '/etc/pip.conf' },
      { id: 'index-token', source: SecretSource.ENVIRONMENT, location: 'PIP_INDEX_TOKEN', target: '/run/secrets/index-token' },
    ],
  });
  const files = Testing.synth(app);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-ci-secrets-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return { dir, workflow: parse(workflowText(files)) };
}

/** The values of the repository's secrets in these tests. */
const SECRETS: { [name: string]: string } = { PIP_CONF, NETRC, PIP_INDEX_TOKEN: TOKEN };

/** A workflow value with `runner.temp`, `secrets.*` and `matrix.*` expressions filled in. */
function fill(value: string, runnerTemp: string, matrix: { [k: string]: string } = {}): string {
  return value
    .replace(/\$\{\{ runner\.temp \}\}/g, runnerTemp)
    .replace(/\$\{\{ secrets\.(\w+) \}\}/g, (_, name) => SECRETS[name] ?? '')
    .replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, k) => matrix[k]);
}

/** Runs a `shell: bash` step's script with its env and RUNNER_TEMP, as the runner would. */
function runStep(step: any, runnerTemp: string, secrets = true): { status: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp };
  for (const [name, value] of Object.entries<string>(step.env ?? {})) {
    env[name] = secrets ? fill(value, runnerTemp) : '';
  }
  const r = spawnSync('bash', ['-c', step.run], { env, encoding: 'utf-8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `docker buildx bake --print` of a bake-action step. */
function printStep(dir: string, step: any, runnerTemp: string, matrix: { [k: string]: string } = {}): any {
  const args = ['buildx', 'bake', '--print', '-f', step.with.files];
  if (step.with.load) args.push('--load');
  if (step.with.push) args.push('--push');
  for (const line of String(step.with.set ?? '').split('\n').filter(l => l)) {
    args.push('--set', fill(line, runnerTemp, matrix));
  }
  if (step.with.allow) args.push('--allow', fill(step.with.allow, runnerTemp));
  args.push(step.with.targets);
  const names = ['REGISTRY', 'TAG', 'CACHE', 'PLATFORMS', 'ATTEST', 'PIP_INDEX_TOKEN'];
  const saved = Object.fromEntries(names.map(n => [n, process.env[n]]));
  try {
    for (const n of names) delete process.env[n];
    const env = { REGISTRY: 'ghcr.io/lucid', TAG: 'latest', CACHE: 'gha', ...step.env };
    for (const [name, value] of Object.entries<string>(env)) {
      process.env[name] = fill(String(value), runnerTemp, matrix);
    }
    return JSON.parse(docker(args, path.join(dir, step.with.source)).stdout);
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n]; else process.env[n] = saved[n];
    }
  }
}

describe.each([
  ['on one runner', {}, {}],
  ['with native fan-out', { nativeMultiArch: true }, { platform: 'linux/arm64', arch: 'arm64' }],
])('the build secrets of the workflow, as bash and buildx run them, %s', (_what, workflows, matrix) => {
  const { dir, workflow } = synth(workflows);
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-runner-temp-'));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  });
  const steps = workflow.jobs['build-api'].steps;
  const write = steps.find((s: any) => /^Write the build secret files/.test(s.name));
  const remove = steps.find((s: any) => s.name === 'Remove the build secret files');
  const bakes = steps.filter((s: any) => String(s.uses).startsWith('docker/bake-action@'));
  const secretsDir = path.join(runnerTemp, 'lucid-secrets');

  test('the write step writes each file exactly, readable by its owner only', () => {
    // WHEN
    const r = runStep(write, runnerTemp);
    // THEN
    expect(r).toMatchObject({ status: 0, stdout: '' });
    expect(fs.readFileSync(path.join(secretsDir, 'pip-conf'), 'utf-8')).toBe(PIP_CONF);
    expect(fs.readFileSync(path.join(secretsDir, 'netrc'), 'utf-8')).toBe(NETRC);
    expect(fs.statSync(secretsDir).mode % 0o1000).toBe(0o700);
    for (const f of ['pip-conf', 'netrc']) {
      expect(fs.statSync(path.join(secretsDir, f)).mode % 0o1000).toBe(0o600);
    }
    // no secret file appears in the app's folder
    expect(fs.existsSync(path.join(dir, 'secrets'))).toBe(false);
  });

  test.each([0, 1])('bake step %i gives bake the written files and the env secret, for the image and its base', (i) => {
    // WHEN
    const printed = printStep(dir, bakes[i], runnerTemp, matrix);
    // THEN
    expect(printed.target.api.secret).toEqual([
      { id: 'pip-conf', src: path.join(secretsDir, 'pip-conf') },
      { id: 'index-token', env: 'PIP_INDEX_TOKEN' },
    ]);
    expect(printed.target['python-base'].secret).toEqual([{ id: 'netrc', src: path.join(secretsDir, 'netrc') }]);
  });

  test('without the override, bake would look for the file in the app\'s folder, which the checkout does not have', () => {
    const plain = { ...bakes[0], with: { ...bakes[0].with, set: '', allow: undefined } };
    expect(() => printStep(dir, plain, runnerTemp, matrix)).toThrow(/secrets\/(pip\.conf|netrc)/);
  });

  test('an empty or missing GitHub secret writes an empty file, with a warning', () => {
    // WHEN
    const r = runStep(write, runnerTemp, false);
    // THEN
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::warning::the GitHub secret PIP_CONF is empty or not set: build secret pip-conf is an empty file');
    expect(fs.readFileSync(path.join(secretsDir, 'pip-conf'), 'utf-8')).toBe('');
  });

  test('the remove step deletes the files', () => {
    expect(runStep(remove, runnerTemp).status).toBe(0);
    expect(fs.existsSync(secretsDir)).toBe(false);
  });
});
