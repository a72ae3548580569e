import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { fitToEngine, replayPlan } from '../../src/e2e/replay';
import { BUILDKIT_RUN_FAILED } from '../../src/e2e/run';

const REPO = path.join(__dirname, '..', '..');
const WORKFLOW = fs.readFileSync(path.join(REPO, 'examples', 'lucid', '.github', 'workflows', 'images.yml'), 'utf-8');

describe('the cold-cache replay of the committed images workflow', () => {
  const plan = replayPlan(WORKFLOW);

  test('replays every build job, each after the jobs it needs, and leaves out jobs without a bake step', () => {
    const wf = parse(WORKFLOW);
    const ids = plan.map(j => j.id);
    expect(ids).not.toContain('lint');
    expect(ids.sort()).toEqual(Object.keys(wf.jobs).filter(j => j.startsWith('build-')).sort());
    const order = plan.map(j => j.id);
    for (const j of plan) {
      for (const n of j.needs) expect(order.indexOf(n)).toBeLessThan(order.indexOf(j.id));
    }
    expect(plan.find(j => j.id === 'build-node-management')!.needs).toEqual(['build-java-base']);
  });

  test('turns the load step into bake with the action\'s source, files, targets and non-gha set lines', () => {
    const [load, push] = plan.find(j => j.id === 'build-java-base')!.commands;
    expect(load).toEqual(expect.objectContaining({
      cwd: 'examples/lucid',
      args: ['buildx', 'bake', '-f', 'docker-bake.hcl', '--load', '--progress=plain', 'java-base'],
      env: { TAG: 'latest', CACHE: '', PLATFORM: 'linux/amd64', PLATFORMS: 'linux/amd64' },
      targets: ['java-base'],
      push: false,
    }));
    // THEN the gha cache lines are dropped (a fresh runner's cache is empty), and said so
    expect(load.dropped).toEqual(['CACHE=gha',
      'java-base.cache-from=type=gha,scope=lucid-base-java-distroless',
      'java-base.cache-from=type=gha,scope=lucid-base-java-distroless-amd64',
      'java-base.cache-to=type=gha,scope=lucid-base-java-distroless-amd64,mode=max']);
    // AND the push step loads, with its own env (ATTEST) and no PLATFORMS: the bake file's default applies
    expect(push.args).toEqual(['buildx', 'bake', '-f', 'docker-bake.hcl', '--load', '--progress=plain', 'java-base', 'java-base-amd64', 'java-base-arm64']);
    // AND attestations, which only a push keeps (the docker driver refuses them with --load), are turned off
    expect(push.env).toEqual({ TAG: 'latest', CACHE: '', PLATFORM: 'linux/amd64', ATTEST: 'false' });
    expect(push.dropped).toContain('ATTEST=true');
    expect(push.push).toBe(true);
  });

  test('pushes to the loopback registry when one is given, by the bake file\'s REGISTRY variable', () => {
    const push = replayPlan(WORKFLOW, { registry: '127.0.0.1:5000' }).find(j => j.id === 'build-java-base')!.commands[1];
    expect(push.args).toContain('--push');
    expect(push.args).not.toContain('--load');
    expect(push.env.REGISTRY).toBe('127.0.0.1:5000');
    expect(push.env.ATTEST).toBe('true');
  });

  test('follows a change of the workflow: a new set line and target reach the command', () => {
    const wf = parse(WORKFLOW);
    const step = wf.jobs['build-redis'].steps.find((s: any) => String(s.uses).startsWith('docker/bake-action@'));
    step.with.targets = 'redis,extra';
    step.with.set += '\nredis.args.X=1';
    const c = replayPlan(stringify(wf)).find(j => j.id === 'build-redis')!.commands[0];
    expect(c.args.slice(-2)).toEqual(['redis', 'extra']);
    expect(c.args).toEqual(expect.arrayContaining(['--set', 'redis.args.X=1', 'redis', 'extra']));
  });

  test('fits a step to an amd64 engine: foreign-platform targets left out, the rest narrowed, each target offline', () => {
    const push = plan.find(j => j.id === 'build-java-base')!.commands[1];
    const printed = JSON.stringify({
      target: {
        'java-base': { platforms: ['linux/amd64', 'linux/arm64'] },
        'java-base-amd64': { platforms: ['linux/amd64'] },
        'java-base-arm64': { platforms: ['linux/arm64'] },
      },
    });
    const fitted = fitToEngine(push, printed, ['linux/amd64']);
    expect(fitted.skipped).toEqual(['java-base-arm64']);
    expect(fitted.args).toEqual(['buildx', 'bake', '-f', 'docker-bake.hcl', '--load', '--progress=plain',
      '--set', 'java-base.platform=linux/amd64', 'java-base', 'java-base-amd64']);
    expect(fitted.offlineHcl).toContain('target "java-base-arm64" {\n  network = "none"\n}');
    // AND an engine with both platforms changes nothing
    expect(fitToEngine(push, printed, ['linux/amd64', 'linux/arm64']).args).toEqual(push.args);
  });

  test('derives the fixture\'s cold replay, and knows BuildKit\'s error line of a failed RUN', () => {
    const fixture = fs.readFileSync(path.join(REPO, 'scripts', 'e2e', 'fixtures', 'maven-cold-cache', '.github', 'workflows', 'images.yml'), 'utf-8');
    const [job] = replayPlan(fixture);
    expect(job.commands[0].args).toEqual(['buildx', 'bake', '-f', 'docker-bake.hcl', '--load', '--progress=plain', 'app']);
    expect(job.commands[0].cwd).toBe('scripts/e2e/fixtures/maven-cold-cache');
    expect(BUILDKIT_RUN_FAILED.test('ERROR: failed to solve: process "/bin/sh -c mvn -o package" did not complete successfully: exit code: 1')).toBe(true);
    expect(BUILDKIT_RUN_FAILED.test('ERROR: failed to solve: process "/bin/sh -c mvn" did not complete successfully: network bridge not found')).toBe(false);
  });

  test('names an expression it cannot evaluate offline', () => {
    expect(() => replayPlan('jobs:\n  a:\n    env:\n      X: ${{ github.sha }}\n    steps:\n      - uses: docker/bake-action@v6\n')).toThrow(/cannot evaluate the expression/);
  });
});

describe('the order of jobs', () => {
  test('names a cycle of needs', () => {
    const text = 'jobs:\n  a:\n    needs: [b]\n    steps: []\n  b:\n    needs: [a]\n    steps: []\n';
    expect(() => replayPlan(text)).toThrow('the workflow jobs need each other (a -> b -> a): remove one of these needs');
  });
});
