// run.ts: lucid-cdk's end-to-end suite. Builds every image of the Lucid reference stack from the exact files
// `npx projen` generated (examples/lucid/), with `docker buildx bake` on a private offline engine
// (engine.sh), on stand-in base images built from Debian packages (standins.sh); runs each image and checks
// it; brings the compose stack up and down; prints a table. Exits non-zero on any failed check.
//
// Usage: npx projen e2e        (root, Debian; see scripts/e2e/engine.sh)
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Project } from 'projen';
import { defineLucidStack } from '../../examples/lucid/stack';
import { runStructureTest } from './structure-test';
import { FoundationService, LucidImage, LucidService } from '../../src';

const REPO = path.resolve(__dirname, '..', '..');
const E2E = path.join(REPO, 'scripts', 'e2e');
const APP_DIR = path.join(REPO, 'examples', 'lucid');
const WORK = process.env.LUCID_E2E_WORK ?? path.join(REPO, '.e2e-work');
const HEALTH_TIMEOUT_S = 90;

const started = Date.now();
const failures: string[] = [];
const seconds = (since: number) => (Date.now() - since) / 1000;
const log = (m: string) => process.stderr.write(`[${seconds(started).toFixed(1).padStart(6)}s] ${m}\n`);
const check = (ok: boolean, what: string) => {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** Runs a command, returning its output; throws with its output when it fails (unless allowed). */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? REPO, env: opts.env ?? process.env, encoding: 'utf-8', input: opts.input, maxBuffer: 256 * 1024 * 1024 });
  if (!opts.allowFailure && r.status !== 0) {
    const errors = (r.stderr ?? '').split('\n').filter(l => /error/i.test(l)).slice(0, 20).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${errors}\n...\n${(r.stderr ?? '').slice(-3000)}${(r.stdout ?? '').slice(-1000)}`);
  }
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The environment that points the docker client at the private engine. */
function engineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const line of run('bash', [path.join(E2E, 'engine.sh'), 'env']).stdout.split('\n')) {
    const m = /^export ([A-Z_]+)='([^']*)'(:"?\$PATH"?)?$/.exec(line.trim());
    if (m) {
      env[m[1]] = m[3] ? `${m[2]}:${process.env.PATH ?? ''}` : m[2];
    }
  }
  return env;
}

/** The base images the generated Dockerfiles and compose file name that this app does not build itself. */
function externalImages(images: LucidImage[], foundation: FoundationService[]): string[] {
  const own = new Set(images.map(i => i.imageRef));
  const out = new Set<string>();
  for (const image of images) {
    const stages = new Set<string>();
    for (const line of fs.readFileSync(path.join(APP_DIR, image.directory, 'Dockerfile'), 'utf-8').split('\n')) {
      const m = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
      if (m) {
        if (!own.has(m[1]) && !stages.has(m[1])) out.add(m[1]);
        if (m[2]) stages.add(m[2]);
      }
    }
  }
  foundation.forEach(f => out.add(f.image));
  return [...out].sort();
}

/** Sums, per bake target, the durations BuildKit reports for its steps (plain progress output). */
function buildSecondsPerTarget(progress: string, targets: string[]): Map<string, number> {
  const names = new Map<string, string>();
  const totals = new Map<string, number>(targets.map(t => [t, 0]));
  for (const line of progress.split('\n')) {
    const named = /^#(\d+) \[([a-z0-9_-]+)[ \]]/.exec(line);
    if (named && totals.has(named[2])) names.set(named[1], named[2]);
    const done = /^#(\d+) DONE ([0-9.]+)s/.exec(line);
    if (done && names.has(done[1])) {
      const t = names.get(done[1])!;
      totals.set(t, totals.get(t)! + Number(done[2]));
    }
  }
  return totals;
}

function main(): void {
  if (process.getuid && process.getuid() !== 0) {
    throw new Error('the end-to-end suite needs root (network namespaces, mounts)');
  }
  fs.mkdirSync(WORK, { recursive: true });
  // The stack's own model: what each image is, its port, budget and health check.
  const app = defineLucidStack(new Project({ name: 'lucid-e2e', outdir: fs.mkdtempSync(path.join(WORK, 'model-')) }));
  const images = LucidImage.all(app);
  const services = images.filter(LucidService.isLucidService);
  const foundation = app.node.findAll().filter(FoundationService.isFoundationService);

  const t0 = Date.now();
  run('bash', [path.join(REPO, 'scripts', 'setup-docker-tools.sh')]);
  run('bash', [path.join(E2E, 'engine.sh'), 'start'], { env: process.env });
  const env = engineEnv();
  const docker = (args: string[], opts: { cwd?: string; allowFailure?: boolean; extraEnv?: NodeJS.ProcessEnv } = {}) =>
    run('docker', args, { cwd: opts.cwd ?? APP_DIR, env: { ...env, ...opts.extraEnv }, allowFailure: opts.allowFailure });
  log(`engine up (${seconds(t0).toFixed(1)} s): ${docker(['version', '-f', 'engine {{.Server.Version}}']).stdout.trim()}`);

  const external = externalImages(images, foundation);
  const t1 = Date.now();
  execFileSync('bash', [path.join(E2E, 'standins.sh'), ...external], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  log(`stand-ins ready (${seconds(t1).toFixed(1)} s): ${external.join(' ')}`);

  // Build the generated bake file unmodified: amd64 only, and no network, from a second bake file given on the
  // command line (buildx ignores `--set '*.network=none'`; the engine has no bridge for RUN steps to use).
  const offline = path.join(WORK, 'offline.hcl');
  fs.writeFileSync(offline, images.map(i => `target "${i.targetName}" {\n  network = "none"\n}\n`).join('\n'));
  const t2 = Date.now();
  const bake = docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '-f', offline, '--load', '--progress=plain'],
    { extraEnv: { PLATFORMS: 'linux/amd64' } });
  const bakeSeconds = seconds(t2);
  const perTarget = buildSecondsPerTarget(bake.stderr, images.map(i => i.targetName));
  log(`docker buildx bake: ${bakeSeconds.toFixed(1)} s`);

  const rows: string[][] = [];
  for (const image of images) {
    const ref = image.imageRef;
    const size = Number(docker(['image', 'inspect', '-f', '{{.Size}}', ref]).stdout.trim());
    const sizeMb = size / 1e6;
    const user = docker(['image', 'inspect', '-f', '{{.Config.User}}', ref]).stdout.trim();
    check(user === '65532:65532', `${image.targetName}: image user is 65532:65532 (got "${user}")`);
    const shell = docker(['run', '--rm', '--pull', 'never', '--network', 'none', '--entrypoint', '/bin/sh', ref, '-c', 'true'], { allowFailure: true });
    check(shell.status !== 0, `${image.targetName}: /bin/sh cannot be executed`);
    const st = runStructureTest(path.join(APP_DIR, image.directory, 'structure-test.yaml'), ref, env);
    check(st.failures.length === 0, `${image.targetName}: structure-test.yaml, ${st.checks} checks${st.failures.map(f => '\n      ' + f).join('')}`);
    let healthy = '-';
    if (LucidService.isLucidService(image)) {
      const name = `lucid-e2e-${image.targetName}`;
      docker(['rm', '-f', name], { allowFailure: true });
      const runStart = Date.now();
      docker(['run', '-d', '--pull', 'never', '--name', name, '--network', 'host', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL',
        '--security-opt', 'no-new-privileges:true', ref]);
      let status = '';
      while (seconds(runStart) < HEALTH_TIMEOUT_S) {
        status = docker(['inspect', '-f', '{{.State.Health.Status}}', name]).stdout.trim();
        if (status === 'healthy' || status === 'unhealthy') break;
        spawnSync('sleep', ['0.25']);
      }
      healthy = seconds(runStart).toFixed(1);
      check(status === 'healthy', `${image.targetName}: health check becomes healthy (${status} after ${healthy} s)`);
      const pid = docker(['inspect', '-f', '{{.State.Pid}}', name]).stdout.trim();
      const uid = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf-8'))?.[1];
      check(uid === '65532', `${image.targetName}: the process runs as uid 65532 (got ${uid})`);
      const answer = run('bash', [path.join(E2E, 'engine.sh'), 'exec', 'curl', '-fsS', '--max-time', '5', `http://127.0.0.1:${image.port}/health`],
        { env, allowFailure: true });
      check(answer.status === 0, `${image.targetName}: answers on 127.0.0.1:${image.port}/health (${answer.stdout.trim() || answer.stderr.trim()})`);
      docker(['rm', '-f', name], { allowFailure: true });
    }
    const withinBudget = sizeMb <= image.sizeBudgetMb;
    check(withinBudget, `${image.targetName}: ${sizeMb.toFixed(1)} MB within its budget of ${image.sizeBudgetMb} MB`);
    rows.push([image.targetName, sizeMb.toFixed(1), String(image.sizeBudgetMb), (perTarget.get(image.targetName) ?? 0).toFixed(1), healthy]);
  }

  // The compose stack, on the host network of the engine's namespace (no bridge exists there).
  const override = path.join(WORK, 'compose.e2e.yml');
  const lines = ['services:'];
  for (const s of [...services.map(x => x.serviceName), ...foundation.map(f => f.serviceName)]) {
    lines.push(`  ${s}:`, '    network_mode: host', '    networks: !reset {}', '    ports: !reset []');
  }
  fs.writeFileSync(override, lines.join('\n') + '\n');
  const compose = ['compose', '-p', 'lucid-e2e', '--profile', '*', '-f', 'docker-compose.yml', '-f', override];
  // File secrets the stack declares: a throwaway value for each, written where compose looks (gitignored).
  for (const s of [...services.flatMap(x => x.secrets), ...foundation.flatMap(f => f.secrets)]) {
    const file = path.join(APP_DIR, s.location);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `e2e-${s.name}\n`, { mode: 0o644 });
  }
  const composeEnv = {};
  const up0 = Date.now();
  const up = docker([...compose, 'up', '-d', '--wait', '--wait-timeout', String(HEALTH_TIMEOUT_S)], { extraEnv: composeEnv, allowFailure: true });
  const upSeconds = seconds(up0);
  check(up.status === 0, `compose up --wait: every service healthy (${upSeconds.toFixed(1)} s)${up.status === 0 ? '' : '\n' + up.stderr.slice(-2000)}`);
  const ps = docker([...compose, 'ps', '--format', '{{.Service}}={{.Health}}'], { extraEnv: composeEnv }).stdout.trim().split('\n').sort();
  log(`compose ps: ${ps.join(' ')}`);
  const down0 = Date.now();
  docker([...compose, 'down', '--volumes'], { extraEnv: composeEnv });
  const downSeconds = seconds(down0);
  const serviceCount = services.length + foundation.length;
  check(downSeconds / serviceCount < 1, `compose down: ${downSeconds.toFixed(1)} s for ${serviceCount} services (under 1 s each)`);

  const header = ['image', 'size MB', 'budget MB', 'build s', 'healthy after s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${fmt(header)}\n${widths.map(w => '-'.repeat(w)).join('  ')}\n${rows.map(fmt).join('\n')}`);
  console.log(`\nbake (all images, linux/amd64): ${bakeSeconds.toFixed(1)} s; compose up --wait: ${upSeconds.toFixed(1)} s; ` +
    `compose down: ${downSeconds.toFixed(1)} s; total ${seconds(started).toFixed(1)} s`);
}

let code = 0;
try {
  main();
} catch (e: any) {
  failures.push(e.message ?? String(e));
  log(`error: ${e.message ?? e}`);
} finally {
  try {
    execFileSync('bash', [path.join(E2E, 'engine.sh'), 'stop'], { stdio: 'inherit' });
  } catch (e: any) {
    log(`engine stop failed: ${e.message ?? e}`);
  }
}
if (failures.length > 0) {
  console.log(`\n${failures.length} check(s) failed:\n${failures.map(f => `  - ${f}`).join('\n')}`);
  code = 1;
}
console.log(`\ne2e: ${code === 0 ? 'passed' : 'FAILED'}`);
process.exit(code);
