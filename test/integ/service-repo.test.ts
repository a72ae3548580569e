import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { workflowParserErrors } from '../ci/util';
import { docker } from '../util/docker';

// A service repository's first hour, as a new user lives it: the packed library, `projen new --from` it, then
// `npx projen` and `npx projen test` in the new repository, and its outputs read by their real consumers.

const REPO = path.join(__dirname, '..', '..');
const PROJEN_VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'projen', 'package.json'), 'utf-8')).version;

let work: string;
let tarball: string;
let repo: string;

/**
 * The environment of a user's shell: none of this test run's own jest or projen settings, and not CI's (under
 * CI=true projen installs with npm ci, which a repository that has no lockfile yet cannot do).
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('JEST_') || k.startsWith('PROJEN_') || k === 'NODE_OPTIONS' || k === 'TS_NODE_PROJECT' || k === 'CI') {
      delete env[k];
    }
  }
  return env;
}

function sh(cmd: string, args: string[], cwd: string): { seconds: number; output: string } {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: userEnv(), encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status} in ${cwd}:\n${output.slice(-6000)}`);
  }
  return { seconds: (Date.now() - t0) / 1000, output };
}

/** Every file of the repository but node_modules, with a hash of its content. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === 'node_modules' || e.name === '.git' || p === 'test-reports' || p === 'coverage' || p === 'test/__snapshots__') continue;
      if (e.isDirectory()) walk(p);
      else out.set(p, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, p))).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-service-repo-'));
  // The package is built from the compiled library: compile it when lib/ is missing or older than src/.
  const jsii = path.join(REPO, '.jsii');
  if (!fs.existsSync(jsii) || fs.statSync(jsii).mtimeMs < newest(path.join(REPO, 'src'))) {
    sh('npx', ['projen', 'compile'], REPO);
  }
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--json'], { cwd: REPO, encoding: 'utf-8' });
  tarball = path.join(work, JSON.parse(packed)[0].filename);
  repo = path.join(work, 'my-service');
  fs.mkdirSync(repo);
}, 600_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed library', () => {
  test('holds what a user needs and nothing of the repository besides', () => {
    // GIVEN
    const files: string[] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: REPO, encoding: 'utf-8' }))[0]
      .files.map((f: { path: string }) => f.path);

    // THEN
    for (const f of ['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii', 'lib/index.js', 'lib/index.d.ts',
      'lib/projen/lucid-service-project.js', 'lib/e2e/run.js', 'assets/e2e/engine.sh', 'assets/e2e/standins.sh',
      'assets/e2e/lib.sh', 'assets/e2e/setup-docker-tools.sh']) {
      expect(files).toContain(f);
    }
    const top = new Set(files.map(f => f.split('/')[0]));
    expect([...top].sort()).toEqual(['.jsii', 'API.md', 'LICENSE', 'README.md', 'assets', 'lib', 'node_modules', 'package.json']);
    // node_modules holds the bundled dependencies only
    const bundled = new Set(files.filter(f => f.startsWith('node_modules/')).map(f => f.split('/').slice(1, f.split('/')[1].startsWith('@') ? 3 : 2).join('/')));
    // dockerfile-ast reads hand-written Dockerfiles; the two vscode-languageserver packages are its own dependencies.
    expect([...bundled].sort()).toEqual(['@balena/dockerignore', 'dockerfile-ast', 'vscode-languageserver-textdocument', 'vscode-languageserver-types', 'yaml']);
  });
});

describe('a service repository made with projen new --from lucid-cdk', () => {
  const times: { [step: string]: number } = {};

  test('is created with its example service, stack, test and app', () => {
    // WHEN
    times['projen new'] = sh('npx', ['--yes', `projen@${PROJEN_VERSION}`, 'new', '--from', `lucid-cdk@file:${tarball}`,
      '--projen-version', PROJEN_VERSION, '--no-git'], repo).seconds;

    // THEN
    const rc = fs.readFileSync(path.join(repo, '.projenrc.ts'), 'utf-8');
    expect(rc).toContain("import { defineStack } from './src/stack';");
    expect(rc).toContain('defineStack(project.app);');
    for (const f of ['src/stack.ts', 'test/stack.test.ts', 'services/hello/app/main.py', 'services/hello/Dockerfile',
      'services/hello/structure-test.yaml', 'docker-bake.hcl', 'docker-compose.yml', '.github/workflows/images.yml']) {
      expect(fs.existsSync(path.join(repo, f))).toBe(true);
    }
  }, 900_000);

  test('runs .projenrc.ts on npx projen, which rewrites none of what projen new wrote', () => {
    // GIVEN
    const before = tree(repo);

    // WHEN
    times['first npx projen'] = sh('npx', ['projen'], repo).seconds;

    // THEN: the synthesis that projen new made already matched what .projenrc.ts makes
    const after = tree(repo);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(f => before.get(f) !== after.get(f));
    expect(changed).toEqual([]);
  }, 600_000);

  test('passes its own tests and lint: the snapshot test, and eslint on the stack under src/', () => {
    const run = sh('npx', ['projen', 'test'], repo);
    times['npx projen test'] = run.seconds;
    expect(run.output).toMatch(/Tests:\s+1 passed, 1 total/);
    // the test task ends with eslint; run it again on its own, and the TypeScript build of src/
    sh('npx', ['projen', 'eslint'], repo);
    sh('npx', ['projen', 'compile'], repo);
    expect(fs.existsSync(path.join(repo, 'lib', 'stack.js'))).toBe(true);
  }, 600_000);

  test('writes files that bake, compose and GitHub\'s workflow parser accept', () => {
    // bake
    const bake = JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print'], repo).stdout);
    expect(bake.target.hello.tags).toEqual(['pickme/lucid-hello:latest']);
    expect(bake.target.hello.context).toBe('services/hello');
    // compose
    const compose = JSON.parse(docker(['compose', '--profile', '*', 'config', '--format', 'json'], repo).stdout);
    expect(compose.services.hello.user).toBe('65532:65532');
    expect(compose.services.hello.read_only).toBe(true);
    // the workflow GitHub runs, at the repository root
    const workflow = fs.readFileSync(path.join(repo, '.github', 'workflows', 'images.yml'), 'utf-8');
    expect(workflowParserErrors({ images: workflow }).images).toEqual([]);
    expect(Object.keys(parse(workflow).jobs).sort()).toEqual(['build-hello', 'lint']);
  }, 300_000);

  test('synthesizes what the user adds to src/stack.ts on the next npx projen', () => {
    // GIVEN: a second service, written as a user would
    const stack = path.join(repo, 'src', 'stack.ts');
    fs.writeFileSync(stack, fs.readFileSync(stack, 'utf-8').replace(/\n}\n$/, `
  new LucidService(app, 'echo', {
    plane: Plane.GUI,
    layer: Layer.ADVANCED,
    description: 'A second service',
    directory: 'services/echo',
    port: 8081,
    runtime: ServiceRuntime.python({ source: 'app' }),
  });
}
`));
    fs.mkdirSync(path.join(repo, 'services', 'echo', 'app'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'services', 'hello', 'app', 'main.py'), path.join(repo, 'services', 'echo', 'app', 'main.py'));

    // WHEN
    sh('npx', ['projen'], repo);

    // THEN
    expect(fs.readFileSync(path.join(repo, 'services', 'echo', 'Dockerfile'), 'utf-8')).toContain('EXPOSE 8081/tcp');
    expect(Object.keys(parse(fs.readFileSync(path.join(repo, '.github', 'workflows', 'images.yml'), 'utf-8')).jobs))
      .toContain('build-echo');
    process.stderr.write(`service repository: ${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}\n`);
  }, 300_000);
});
