// The end-to-end suite: builds every image of an app from the exact files synthesis wrote, with
// `docker buildx bake` on a private offline engine (assets/e2e/engine.sh), on stand-in base images built from
// Debian packages (assets/e2e/standins.sh); runs each image and checks it; brings the compose stack up and
// down; prints a table. The reference stack runs it through `scripts/e2e/run.ts`, a service repository through
// `npx projen e2e` (LucidServiceProject).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BuildCheckReport, BuildCheckSet, runBuildChecks } from './build-check';
import { hardeningMisses, InspectedContainer, writeMisses } from './hardening';
import { DockerfileReadback, readbackDifferences } from './readback';
import { RegistryReport, RegistryTarget, runRegistryRoundTrip } from './registry';
import { contextsHcl, replayPlan, ReplayEngine, runReplay } from './replay';
import { E2eReport, ImageReport, ReplayReport, reportTables } from './report';
import { runStructureTest } from './structure-test';
import type { LucidApp } from '../app/lucid-app';
import { commandFailed, e2eNeedsRoot, e2eNoImages, e2eUnknownTarget } from '../core/errors';
import { ImageLock, ImageLockEntry, splitNameTag } from '../core/image-lock';
import { LucidImage } from '../images/lucid-image';
import { FoundationService } from '../service/foundation-service';
import { HealthCheckKind } from '../service/health-check';
import { LucidService } from '../service/lucid-service';
import { dockerRunFlags } from '../service/run-contract';

/** The engine and stand-in scripts, shipped with the package. */
const ASSETS = path.resolve(__dirname, '..', '..', 'assets', 'e2e');
const HEALTH_TIMEOUT_S = 90;

/** Options of an end-to-end run. @internal */
export interface EndToEndOptions {
  /** The folder the app's files were synthesized into. Default: the app's folder in its project. */
  readonly appDir?: string;
  /** Engine state, logs and overrides. Default: `$LUCID_E2E_WORK`, else `.e2e-work` in the project. */
  readonly workDir?: string;
  /** The repository the workflow's paths are relative to. Default: the app's project folder. */
  readonly repoDir?: string;
  /**
   * Folders (relative to `repoDir`) of fixtures that build only from a warm cache: each holds
   * `.github/workflows/images.yml`, a bake file and a `warm` target that fills the cache. The suite builds each
   * warm, then replays it cold and asserts that BuildKit fails it. Default: none.
   */
  readonly coldCacheFixtures?: string[];
  /**
   * Builds from files pinned to the stand-ins' own digests: called with a lock of every external image the
   * stand-ins provide (their index digests, read from the engine's store), it synthesizes the app with that lock
   * into another folder and returns the repository folder and the app's folder there. Default: the committed
   * files are built as they are.
   */
  readonly pinned?: (lockFile: string) => { repoDir: string; appDir: string };
  /**
   * The registry round trip (registry.ts), after every other check: the bake targets pushed for linux/amd64 and
   * linux/arm64 (images whose RUN steps all run on the build platform, so nothing is emulated but their runs), and
   * the ones pushed for linux/amd64 only. Default: none (no round trip).
   */
  readonly registry?: { readonly multiPlatform: string[]; readonly amd64Only: string[] };
  /**
   * Folders (relative to `repoDir`) of bake files whose Dockerfiles BuildKit's build checks must flag, each with
   * the rules each of its targets must be found breaking, exactly (none for a target that must pass). The suite
   * checks them after the app's own targets, which must all pass. Default: none.
   */
  readonly buildCheckFixtures?: { readonly [dir: string]: { readonly [target: string]: string[] } };
  /**
   * Called with a folder of the work directory: writes a Dockerfile there and returns what BuildKit must read back
   * from it; the suite builds it and compares the image's config, value by value. Default: none.
   */
  readonly dockerfileReadback?: (dir: string) => DockerfileReadback;
}

/** The second engine that runs BuildKit's build checks, and the Debian suite of its docker.io (`LUCID_CHECK_ENGINE_SUITE`). */
const CHECK_ENGINE = 'check';
const checkEngineSuite = () => process.env.LUCID_CHECK_ENGINE_SUITE ?? 'forky';

/** The platforms the engine builds and runs (`LUCID_E2E_PLATFORMS`, comma-separated; default linux/amd64). */
function enginePlatforms(): string[] {
  return (process.env.LUCID_E2E_PLATFORMS ?? 'linux/amd64').split(',').map(p => p.trim()).filter(p => p.length > 0);
}

/** BuildKit's own error line of a failed RUN step. @internal */
export const BUILDKIT_RUN_FAILED = /^ERROR: (target \S+: )?failed to solve: process ".*" did not complete successfully: exit code: \d+$/;

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Builds, runs and checks every image of `app` and its compose stack; returns the process exit code (0 when
 * every check passed). Needs root and Debian. @internal
 */
export function runEndToEnd(app: LucidApp, options: EndToEndOptions = {}): number {
  let appDir = options.appDir ?? path.join(app.project.outdir, app.outdir);
  // The files as committed: the build checks read these (a pinned run builds a copy whose only change is digests).
  const committedAppDir = appDir;
  const work = options.workDir ?? process.env.LUCID_E2E_WORK ?? path.join(app.project.outdir, '.e2e-work');
  const started = Date.now();
  const failures: string[] = [];
  const seconds = (since: number) => (Date.now() - since) / 1000;
  const log = (m: string) => process.stderr.write(`[${seconds(started).toFixed(1).padStart(6)}s] ${m}\n`);
  const check = (ok: boolean, what: string) => {
    log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) {
      failures.push(what);
    }
  };
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, LUCID_E2E_WORK: work };
  let repoDir = options.repoDir ?? app.project.outdir;
  const fixturesDir = repoDir;
  // A pinned reference (`name:tag@sha256:<stand-in digest>`) → the stand-in of that digest, by its tag: BuildKit
  // resolves a digest only from a registry, so each build names the stand-in as the context of its reference.
  const pinnedContexts: { [reference: string]: string } = {};
  const platforms = enginePlatforms();
  const imageReports: ImageReport[] = [];
  const replayReports: ReplayReport[] = [];
  const compose0 = { upSeconds: 0, downSeconds: 0, services: 0 };
  let bakeSecondsAll = 0;
  let buildCacheMb: number | null = null;
  let registryReport: RegistryReport | undefined;
  let buildChecks: BuildCheckReport[] = [];
  const buildCheck = { engine: '', seconds: 0 };
  let readback: { values: number; differ: number; seconds: number } | undefined;
  const checkEngineEnv: NodeJS.ProcessEnv = { ...baseEnv, LUCID_ENGINE_INSTANCE: CHECK_ENGINE, LUCID_ENGINE_SUITE: checkEngineSuite() };

  /** Runs a command, returning its output; throws with its output when it fails (unless allowed). */
  const run = (cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean } = {}): Run => {
    const r = spawnSync(cmd, args, { cwd: opts.cwd ?? appDir, env: opts.env ?? baseEnv, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
    if (!opts.allowFailure && r.status !== 0) {
      const errors = (r.stderr ?? '').split('\n').filter(l => /error/i.test(l)).slice(0, 20).join('\n');
      throw commandFailed(`${cmd} ${args.join(' ')}`, r.status, `${errors}\n...\n${(r.stderr ?? '').slice(-3000)}${(r.stdout ?? '').slice(-1000)}`);
    }
    return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const script = (name: string) => path.join(ASSETS, name);

  const main = () => {
    if (process.getuid && process.getuid() !== 0) {
      throw e2eNeedsRoot();
    }
    fs.mkdirSync(work, { recursive: true });
    const images = LucidImage.all(app);
    const services = images.filter(LucidService.isLucidService);
    const declared = app.node.findAll().filter(FoundationService.isFoundationService);
    if (images.length === 0) {
      throw e2eNoImages(app.node.path);
    }
    // A foundation service runs only when its upstream image has an offline stand-in; the others (MongoDB and
    // Elasticsearch, say) are declared, validated and health-checked in the compose file, but not run here.
    const offlineImages = standinTags(run('bash', [script('standins.sh'), '--list']).stdout);
    const foundation = declared.filter(f => offlineImages.has(f.image));
    const notRun = declared.filter(f => !offlineImages.has(f.image));
    const notRunNote = notRun.length === 0 ? '' : `not run offline (no stand-in for their upstream image): ${notRun.map(f => `${f.serviceName} (${f.image})`).join(', ')}`;
    if (notRunNote) {
      log(`${notRunNote}; the services that depend on them start without them`);
    }

    const t0 = Date.now();
    log('starting the offline Docker engine');
    run('bash', [script('setup-docker-tools.sh')]);
    run('bash', [script('engine.sh'), 'start']);
    const env = engineEnv(run, script('engine.sh'), baseEnv);
    const docker = (args: string[], opts: { allowFailure?: boolean } = {}) => run('docker', args, { env, allowFailure: opts.allowFailure });
    log(`engine up (${seconds(t0).toFixed(1)} s): ${docker(['version', '-f', 'engine {{.Server.Version}}']).stdout.trim()}`);
    // Runs a service's image on a platform as compose would, waits for its health check, checks its uid and (for an
    // HTTP check) that it answers from outside, and removes it.
    const runService = (image: LucidService, ref: string, platform: string, what = image.targetName) => {
      const name = `lucid-e2e-${image.targetName}`;
      docker(['rm', '-f', name], { allowFailure: true });
      const runStart = Date.now();
      docker(['run', '-d', '--pull', 'never', '--platform', platform, '--name', name, '--network', 'host', ...dockerRunFlags(), ref]);
      let status = '';
      while (seconds(runStart) < HEALTH_TIMEOUT_S) {
        status = docker(['inspect', '-f', '{{.State.Health.Status}}', name]).stdout.trim();
        if (status === 'healthy' || status === 'unhealthy') {
          break;
        }
        spawnSync('sleep', ['0.25']);
      }
      const took = seconds(runStart);
      check(status === 'healthy', `${what}: health check becomes healthy (${status} after ${took.toFixed(1)} s)`);
      const pid = docker(['inspect', '-f', '{{.State.Pid}}', name]).stdout.trim();
      const uid = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf-8'))?.[1];
      check(uid === '65532', `${what}: the process runs as uid 65532 (got ${uid})`);
      if (image.healthCheck.kind === HealthCheckKind.HTTP) {
        // From outside too; a program without HTTP (Redis, the Tor proxy) is judged by its own check above.
        const url = `http://127.0.0.1:${image.healthCheck.port ?? image.port}${image.healthCheck.path ?? '/health'}`;
        const answer = run('bash', [script('engine.sh'), 'exec', 'curl', '-fsS', '--max-time', '5', url], { env, allowFailure: true });
        check(answer.status === 0, `${what}: answers on ${url} (${answer.stdout.trim() || answer.stderr.trim()})`);
      }
      docker(['rm', '-f', name], { allowFailure: true });
      return { healthy: status === 'healthy', uid: uid === undefined ? null : Number(uid), seconds: took };
    };

    const external = externalImages(appDir, images, foundation);
    const t1 = Date.now();
    log(`stand-ins: ${external.join(' ')}`);
    execFileSync('bash', [script('standins.sh'), ...external], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    log(`stand-ins ready (${seconds(t1).toFixed(1)} s)`);

    if (options.pinned) {
      // The committed lock names the upstream digests, which no stand-in has: pin the stand-ins' own digests in a
      // lock of this run and build the files synthesized from it (the images without a stand-in keep theirs).
      const own: ImageLockEntry[] = external.flatMap(ref => {
        const { name, tag } = splitNameTag(ref);
        const id = docker(['image', 'inspect', '-f', '{{.Id}}', ref], { allowFailure: true }).stdout.trim();
        return tag && /^sha256:[0-9a-f]{64}$/.test(id) ? [{ name, tag, digest: id }] : [];
      });
      const kept = (app.imageLock?.entries ?? []).filter(e => !own.some(o => o.name === e.name && o.tag === e.tag));
      const lockFile = path.join(work, 'images.standins.lock.json');
      ImageLock.fromEntries([...own, ...kept], lockFile).save(lockFile);
      const pinned = options.pinned(lockFile);
      appDir = pinned.appDir;
      repoDir = pinned.repoDir;
      for (const e of own) {
        pinnedContexts[`${e.name}:${e.tag}@${e.digest}`] = `docker-image://${e.name}:${e.tag}`;
      }
      const written = externalImages(appDir, images, [], true);
      const unpinned = written.filter(r => !(r in pinnedContexts));
      check(unpinned.length === 0, `the files built name every stand-in by its own digest (${own.length} pinned in ${lockFile})` +
        (unpinned.length ? `; not pinned to a stand-in: ${unpinned.join(', ')}` : ''));
    }

    // Build the generated bake file unmodified: amd64 only, and no network, from a second bake file given on the
    // command line (buildx ignores `--set '*.network=none'`; the engine has no bridge for RUN steps to use).
    // BuildKit's plain progress goes to a log; the start of each step is printed as it happens.
    const offline = path.join(work, 'offline.hcl');
    fs.writeFileSync(offline, images.map(i => `target "${i.targetName}" {\n  network = "none"\n${contextsHcl(pinnedContexts)}}\n`).join('\n'));
    const bakeLog = path.join(work, 'bake.log');
    const t2 = Date.now();
    log(`docker buildx bake: ${images.length} images for ${platforms.join(',')} (full log: ${bakeLog})`);
    const bake = spawnSync('bash', ['-o', 'pipefail', '-c',
      'docker buildx bake -f docker-bake.hcl -f "$1" --load --progress=plain 2>&1 | tee "$2" | ' +
      'awk \'/^#[0-9]+ \\[/ && !seen[$0]++ { print "  " $0; fflush() }\'', 'bake', offline, bakeLog],
    { cwd: appDir, env: { ...env, PLATFORMS: platforms.join(',') }, stdio: ['ignore', 'inherit', 'inherit'] });
    const bakeSeconds = seconds(t2);
    bakeSecondsAll = bakeSeconds;
    const progress = fs.readFileSync(bakeLog, 'utf-8');
    if (bake.status !== 0) {
      throw commandFailed('docker buildx bake', bake.status, progress.split('\n').slice(-40).join('\n'));
    }
    const perTarget = buildSecondsPerTarget(progress, images.map(i => i.targetName));
    log(`docker buildx bake: ${bakeSeconds.toFixed(1)} s`);
    const du = docker(['system', 'df', '--format', '{{.Type}}={{.Size}}'], { allowFailure: true }).stdout;
    const cacheSize = /^Build Cache=([0-9.]+)([kMG]?B)$/m.exec(du);
    buildCacheMb = cacheSize ? Number(cacheSize[1]) * ({ B: 1e-6, kB: 1e-3, MB: 1, GB: 1e3 } as Record<string, number>)[cacheSize[2]] : null;

    // BuildKit's own build checks (its Dockerfile linter, build-check.ts) on every generated Dockerfile: this
    // engine's frontend (Engine 26.1, BuildKit 0.13) has none, so a second engine of Debian forky runs them, in the
    // same namespace, for as long as they take. Its frontend resolves bases from a registry only: the stand-ins and
    // the bases just built are copied to the loopback registry and named as contexts.
    if (env.LUCID_REGISTRY) {
      const t3 = Date.now();
      run('bash', [script('engine.sh'), 'start'], { env: checkEngineEnv });
      const checkEnv = engineEnv(run, script('engine.sh'), checkEngineEnv);
      buildCheck.engine = `${run('docker', ['version', '-f', 'engine {{.Server.Version}}'], { env: checkEnv }).stdout.trim()}, Debian ${checkEngineSuite()}`;
      log(`build-check engine up (${seconds(t3).toFixed(1)} s): ${buildCheck.engine}`);
      const sets: BuildCheckSet[] = [
        { label: 'app', dir: committedAppDir, expected: Object.fromEntries(images.map(i => [i.targetName, []])) },
        ...Object.entries(options.buildCheckFixtures ?? {}).map(([dir, expected]) => ({ label: dir, dir: path.resolve(fixturesDir, dir), expected })),
      ];
      buildChecks = runBuildChecks({
        registry: env.LUCID_REGISTRY,
        platforms,
        workDir: work,
        docker: (args, cwd) => run('docker', args, { cwd, env, allowFailure: true }),
        checkDocker: (args, cwd, extra) => run('docker', args, { cwd, env: { ...checkEnv, ...extra }, allowFailure: true }),
        log,
      }, sets);
      run('bash', [script('engine.sh'), 'stop'], { env: checkEngineEnv });
      buildCheck.seconds = Math.round(seconds(t3) * 10) / 10;
      for (const c of buildChecks) {
        const found = c.findings === 0 ? 'no findings' : `${c.findings} findings: ${c.rules.join(', ')}`;
        const wanted = c.expectedRules.length === 0 ? 'none' : c.expectedRules.join(', ');
        check(c.ok, `build checks ${c.set} ${c.target}: ${found} (expected ${wanted}; ${c.seconds.toFixed(1)} s)` +
          (c.experimental.length ? `; experimental rules on: ${c.experimental.join(', ')}` : '') +
          (c.skipped.length ? `; skipped by its # check=skip: ${c.skipped.join(', ')}` : '') +
          (c.error ? `\n      ${c.error}` : '') + (c.ok ? '' : c.details.map(d => '\n      ' + d).join('')));
      }
      log(`build checks: ${buildChecks.length} targets, ${buildCheck.seconds.toFixed(1)} s with the engine's start and stop`);
    } else {
      check(false, 'the build checks need the engine\'s registry (LUCID_REGISTRY from engine.sh env; LUCID_REGISTRY_PORT=0 leaves it out)');
    }

    // Values the Dockerfile model wrote, read back by BuildKit's own parser from the image it builds.
    if (options.dockerfileReadback) {
      const t4 = Date.now();
      const want = options.dockerfileReadback(path.join(work, 'readback'));
      const tag = 'lucid-e2e-readback:latest';
      docker(['buildx', 'build', '--network', 'none', '--load', '-t', tag, want.dir]);
      const config = JSON.parse(docker(['image', 'inspect', '-f', '{{json .Config}}', tag]).stdout);
      docker(['image', 'rm', '-f', tag], { allowFailure: true });
      const differ = readbackDifferences(want, config);
      const values = Object.keys(want.labels).length + Object.keys(want.env).length + want.entrypoint.length - 1;
      readback = { values, differ: differ.length, seconds: Math.round(seconds(t4) * 10) / 10 };
      check(differ.length === 0, `BuildKit read back ${values - differ.length} of ${values} hostile LABEL, ENV and ENTRYPOINT values unchanged (${readback.seconds.toFixed(1)} s)` +
        differ.slice(0, 20).map(d => '\n      ' + d).join(''));
    }

    // Every check per platform the engine runs (linux/amd64 today; arm64 joins when the engine emulates it).
    for (const [platform, image] of platforms.flatMap(p => images.map(i => [p, i] as const))) {
      const ref = image.imageRef;
      const on = ['--platform', platform];
      const sizeMb = Number(docker(['image', 'inspect', '-f', '{{.Size}}', ref]).stdout.trim()) / 1e6;
      const digest = docker(['image', 'inspect', '-f', '{{.Id}}', ref]).stdout.trim();
      let uidSeen: number | null = null;
      let healthyNow: boolean | null = null;
      const user = docker(['image', 'inspect', '-f', '{{.Config.User}}', ref]).stdout.trim();
      check(user === '65532:65532', `${image.targetName}: image user is 65532:65532 (got "${user}")`);
      const shell = docker(['run', '--rm', '--pull', 'never', ...on, '--network', 'none', '--entrypoint', '/bin/sh', ref, '-c', 'true'], { allowFailure: true });
      check(shell.status !== 0, `${image.targetName}: /bin/sh cannot be executed`);
      const st = runStructureTest(path.join(appDir, image.directory, 'structure-test.yaml'), ref, env, platform);
      check(st.failures.length === 0, `${image.targetName}: structure-test.yaml, ${st.checks} checks${st.failures.map(f => '\n      ' + f).join('')}`);
      if (LucidService.isLucidService(image)) {
        const r = runService(image, ref, platform);
        healthyNow = r.healthy;
        uidSeen = r.uid;
      }
      check(sizeMb <= image.sizeBudgetMb, `${image.targetName}: ${sizeMb.toFixed(1)} MB within its budget of ${image.sizeBudgetMb} MB`);
      imageReports.push({
        name: image.targetName,
        platform,
        service: LucidService.isLucidService(image) ? image.serviceName : null,
        sizeMb: Math.round(sizeMb * 10) / 10,
        budgetMb: image.sizeBudgetMb,
        uid: uidSeen,
        shell: shell.status === 0,
        healthy: healthyNow,
        structureTest: st.failures.length === 0 ? 'pass' : 'fail',
        buildSeconds: Math.round((perTarget.get(image.targetName) ?? 0) * 10) / 10,
        digest,
      });
    }

    // The compose stack, on the host network of the engine's namespace (no bridge exists there).
    const override = path.join(work, 'compose.e2e.yml');
    const bases = LucidImage.all(app).filter(i => !LucidService.isLucidService(i));
    fs.writeFileSync(override, e2eComposeOverride(services, foundation, notRun, bases.map(i => i.targetName), pinnedContexts));
    const project = `${app.name}-e2e`;
    const compose = ['compose', '-p', project, '--profile', '*', '-f', 'docker-compose.yml', '-f', override];
    // File secrets the stack declares: a throwaway value for each where compose looks, unless one is there.
    for (const s of [...services.flatMap(x => x.secrets), ...foundation.flatMap(f => f.secrets)]) {
      const file = path.join(appDir, s.location);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `e2e-${s.name}\n`, { mode: 0o644 });
      }
    }
    let upSeconds = 0;
    let downSeconds = 0;
    if (services.length + foundation.length > 0) {
      // As a user runs it on a machine that holds none of the app's images: compose builds the bases first (the
      // images built on them name them in additional_contexts) and pulls no image of the app. The build cache of
      // the bake above stays, so this rebuild is quick; the images themselves are gone.
      const refs = [...new Set(LucidImage.all(app).map(i => i.imageRef))];
      docker(['image', 'rm', '-f', ...refs], { allowFailure: true });
      const left = refs.filter(r => docker(['image', 'inspect', r], { allowFailure: true }).status === 0);
      check(left.length === 0, `compose up --build starts from an engine with none of the app's ${refs.length} images${left.length === 0 ? '' : ` (still there: ${left.join(', ')})`}`);
      log(`docker compose up --build --wait: ${services.length + foundation.length} services`);
      const up0 = Date.now();
      const up = docker([...compose, 'up', '--build', '-d', '--wait', '--wait-timeout', String(HEALTH_TIMEOUT_S),
        ...(notRun.length === 0 ? [] : [...services.map(x => x.serviceName), ...foundation.map(f => f.serviceName)])], { allowFailure: true });
      upSeconds = seconds(up0);
      check(up.status === 0, `compose up --build --wait: every image built, every service healthy (${upSeconds.toFixed(1)} s)${up.status === 0 ? '' : '\n' + up.stderr.slice(-2000)}`);
      const ps = docker([...compose, 'ps', '--format', '{{.Service}}={{.Health}}']).stdout.trim().split('\n').sort();
      log(`compose ps: ${ps.join(' ')}`);
      // Run-time hardening of every running service container, from docker inspect and two write probes.
      const ids = docker([...compose, 'ps', '-q']).stdout.trim().split('\n').filter(x => x.length > 0);
      check(ids.length > 0, `compose ps: ${ids.length} running containers to check the run contract of`);
      for (const id of ids) {
        const c = JSON.parse(docker(['inspect', id]).stdout)[0] as InspectedContainer & { Config: { Labels?: Record<string, string> } };
        const service = c.Config.Labels?.['com.docker.compose.service'] ?? id;
        const misses = [...hardeningMisses(service, c), ...writeMisses(service, c)];
        check(misses.length === 0, `${service}: read-only root, CapDrop ALL, no-new-privileges, user 65532, ` +
          `a write to / refused with EROFS and one to ${Object.keys(c.HostConfig.Tmpfs ?? {}).join(', ') || 'its tmpfs'} accepted` +
          misses.map(m => '\n      ' + m).join(''));
      }
      const down0 = Date.now();
      docker([...compose, 'down', '--volumes']);
      downSeconds = seconds(down0);
      const serviceCount = services.length + foundation.length;
      check(downSeconds / serviceCount < 1, `compose down: ${downSeconds.toFixed(1)} s for ${serviceCount} services (under 1 s each)`);
      Object.assign(compose0, { upSeconds, downSeconds, services: serviceCount });
    }

    // The workflow's own build steps, job by job from a cold cache (see replay.ts for what is translated). A
    // workflow's paths are relative to the repository it lives in.
    const dockerFrom = (root: string): ReplayEngine['docker'] => (args, cwd, extra) =>
      run('docker', args, { cwd: path.resolve(root, cwd), env: { ...env, ...extra }, allowFailure: true });
    const engine: ReplayEngine = {
      workDir: work,
      platforms,
      contexts: pinnedContexts,
      log,
      docker: dockerFrom(repoDir),
    };
    const workflowOf = (dir: string) => path.join(dir, '.github', 'workflows', 'images.yml');
    const workflow = [workflowOf(appDir), workflowOf(repoDir)].find(f => fs.existsSync(f));
    if (workflow) {
      const plan = replayPlan(fs.readFileSync(workflow, 'utf-8'), { registry: process.env.LUCID_REGISTRY });
      const dropped = [...new Set(plan.flatMap(j => j.commands.flatMap(c => c.dropped.map(d => d.replace(/^[^.=]+\./, '*.').replace(/scope=[^,]+/, 'scope=…')))))];
      log(`replay of ${path.relative(repoDir, workflow)}: ${plan.length} jobs, cache emptied before each; dropped offline: ${dropped.join(' ')}`);
      for (const r of runReplay(plan, engine)) {
        replayReports.push({
          workflow: path.relative(repoDir, workflow),
          job: r.job,
          seconds: r.seconds,
          ok: r.ok,
          expectedOk: true,
          skipped: r.skipped,
          error: r.error,
        });
        check(r.ok, `replay ${r.job}: builds from a cold cache (${r.seconds.toFixed(1)} s)${r.ok ? '' : '\n      ' + r.error}` +
          (r.skipped.length ? `; not built on ${platforms.join(',')}: ${r.skipped.join(', ')}` : ''));
      }
    } else {
      log('no .github/workflows/images.yml: no replay');
    }
    for (const fixture of options.coldCacheFixtures ?? []) {
      const dir = path.resolve(fixturesDir, fixture);
      const plan = replayPlan(fs.readFileSync(workflowOf(dir), 'utf-8'), { registry: process.env.LUCID_REGISTRY });
      // Warm: as on a developer's machine, the warm target filled the cache mount first; the jobs then build.
      docker(['builder', 'prune', '-af']);
      const offlineWarm = path.join(work, 'fixture-warm.hcl');
      fs.writeFileSync(offlineWarm, 'target "warm" {\n  network = "none"\n}\n');
      const warmUp = run('docker', ['buildx', 'bake', '-f', 'docker-bake.hcl', '-f', offlineWarm, '--progress=plain', 'warm'],
        { cwd: dir, env, allowFailure: true });
      check(warmUp.status === 0, `${fixture}: the warm target fills the cache${warmUp.status === 0 ? '' : '\n' + warmUp.stderr.slice(-1500)}`);
      const fixtureEngine: ReplayEngine = {
        ...engine,
        prune: false,
        docker: dockerFrom(fixturesDir),
      };
      for (const r of runReplay(plan, fixtureEngine)) {
        replayReports.push({ workflow: `${fixture} (warm)`, job: r.job, seconds: r.seconds, ok: r.ok, expectedOk: true, skipped: r.skipped, error: r.error });
        check(r.ok, `${fixture} ${r.job}: builds with a warm cache (${r.seconds.toFixed(1)} s)${r.ok ? '' : '\n      ' + r.error}`);
      }
      for (const r of runReplay(plan, { ...fixtureEngine, prune: true })) {
        replayReports.push({ workflow: fixture, job: r.job, seconds: r.seconds, ok: r.ok, expectedOk: false, skipped: r.skipped, error: r.error });
        check(!r.ok && BUILDKIT_RUN_FAILED.test(r.error ?? ''), `${fixture} ${r.job}: the cold replay fails with BuildKit's own error (${r.error})`);
      }
    }

    if (options.registry && env.LUCID_REGISTRY) {
      const byName = (names: string[]): RegistryTarget[] => names.map(n => {
        const image = images.find(i => i.targetName === n);
        if (!image) {
          throw e2eUnknownTarget(n, images.map(i => i.targetName));
        }
        return { target: n, ref: image.imageRef, directory: image.directory, service: LucidService.isLucidService(image) };
      });
      const t5 = Date.now();
      registryReport = runRegistryRoundTrip({
        appDir,
        workDir: work,
        registry: env.LUCID_REGISTRY,
        env,
        contexts: pinnedContexts,
        docker: (args, opts = {}) => run('docker', args, { env: opts.env ?? env, allowFailure: opts.allowFailure }),
        exec: args => run('bash', [script('engine.sh'), 'exec', ...args], { env, allowFailure: true }),
        standins: (refs, arches) => execFileSync('bash', [script('standins.sh'), ...refs],
          { env: { ...env, LUCID_STANDIN_ARCHES: arches.join(' ') }, stdio: ['ignore', 'inherit', 'inherit'] }),
        runService: (ref, target, platform) => runService(services.find(x => x.targetName === target)!, ref, platform, `registry: ${target} ${platform} pulled by digest`),
        log,
        check,
      }, byName(options.registry.multiPlatform), byName(options.registry.amd64Only));
      log(`registry round trip: ${seconds(t5).toFixed(1)} s`);
    } else if (options.registry) {
      check(false, 'the registry round trip needs the engine\'s registry (LUCID_REGISTRY from engine.sh env; LUCID_REGISTRY_PORT=0 leaves it out)');
    }

    if (notRunNote) {
      console.log(`${notRunNote}.`);
    }
  };

  try {
    main();
  } catch (e: any) {
    failures.push(e.message ?? String(e));
    log(`error: ${e.message ?? e}`);
  } finally {
    try {
      // The build-check engine first (it lives in the first engine's namespace); a no-op when it is stopped.
      execFileSync('bash', [script('engine.sh'), 'stop'], { env: checkEngineEnv, stdio: 'inherit' });
    } catch (e: any) {
      log(`build-check engine stop failed: ${e.message ?? e}`);
    }
    try {
      execFileSync('bash', [script('engine.sh'), 'stop'], { env: baseEnv, stdio: 'inherit' });
    } catch (e: any) {
      log(`engine stop failed: ${e.message ?? e}`);
    }
  }
  const report: E2eReport = {
    startedAt: new Date(started).toISOString(),
    passed: failures.length === 0,
    totalSeconds: Math.round(seconds(started) * 10) / 10,
    images: imageReports,
    buildChecks,
    buildCheck,
    readback,
    registry: registryReport ?? { manifests: {} },
    compose: compose0,
    replay: replayReports,
    cache: { bakeSeconds: Math.round(bakeSecondsAll * 10) / 10, buildCacheMbAfterBake: buildCacheMb === null ? null : Math.round(buildCacheMb) },
    failures,
  };
  const reportFile = path.join(work, 'e2e-report.json');
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  console.log(`\n${reportTables(report)}\n\nreport: ${reportFile}`);
  if (failures.length > 0) {
    console.log(`\n${failures.length} check(s) failed:\n${failures.map(f => `  - ${f}`).join('\n')}`);
  }
  console.log(`\ne2e: ${failures.length === 0 ? 'passed' : 'FAILED'}`);
  return failures.length === 0 ? 0 : 1;
}

/** The environment that points the docker client at the private engine. */
type Runner = (cmd: string, args: string[], opts?: { env?: NodeJS.ProcessEnv }) => Run;
function engineEnv(run: Runner, engine: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const line of run('bash', [engine, 'env'], { env: base }).stdout.split('\n')) {
    const m = /^export ([A-Z_]+)='([^']*)'(:"?\$PATH"?)?$/.exec(line.trim());
    if (m) {
      env[m[1]] = m[3] ? `${m[2]}:${base.PATH ?? ''}` : m[2];
    }
  }
  return env;
}

/**
 * The compose override of an e2e run: every service that runs on the host network of the engine's namespace (no
 * bridge exists there); a service that depends on a foundation service that is not run waits for the rest of its
 * dependencies only. @internal
 */
export function e2eComposeOverride(services: LucidService[], foundation: FoundationService[], notRun: FoundationService[],
  bases: string[] = [], contexts: { [reference: string]: string } = {}): string {
  const skipped = new Set(notRun.map(f => f.serviceName));
  // The engine has no bridge: the RUN steps of what compose builds run with no network at all. Pinned references
  // name their stand-ins as additional contexts (compose merges them with the file's own).
  const pinned = Object.keys(contexts).sort();
  const offlineBuild = ['    build:', '      network: none',
    ...pinned.length === 0 ? [] : ['      additional_contexts:', ...pinned.map(r => `        ${JSON.stringify(r)}: ${JSON.stringify(contexts[r])}`)]];
  const lines = ['services:'];
  for (const s of [...services.map(x => x.serviceName), ...foundation.map(f => f.serviceName)]) {
    lines.push(`  ${s}:`, '    network_mode: host', '    networks: !reset {}', '    ports: !reset []');
    const svc = services.find(x => x.serviceName === s);
    if (svc && svc.dependsOn.some(d => skipped.has(d.serviceName))) {
      const kept = svc.dependsOn.filter(d => !skipped.has(d.serviceName));
      lines.push(...kept.length === 0 ? ['    depends_on: !reset {}']
        : ['    depends_on: !override', ...kept.flatMap(d => [`      ${d.serviceName}:`, '        condition: service_healthy'])]);
    }
    if (svc) {
      lines.push(...offlineBuild);
    }
  }
  for (const b of bases) {
    lines.push(`  ${b}:`, ...offlineBuild);
  }
  return lines.join('\n') + '\n';
}

/** The image tags `standins.sh --list` says it can provide (lines `recipe: tag tag ...`). @internal */
export function standinTags(list: string): Set<string> {
  return new Set(list.split('\n').flatMap(line => line.split(':').length > 1 ? line.slice(line.indexOf(':') + 1).trim().split(/\s+/) : []));
}

/**
 * The base images the generated Dockerfiles and compose file name that this app does not build itself, without
 * their digests (the names the stand-ins have), or as written (`withDigests`).
 */
function externalImages(appDir: string, images: LucidImage[], foundation: FoundationService[], withDigests = false): string[] {
  const own = new Set(images.map(i => i.imageRef));
  const out = new Set<string>();
  for (const image of images) {
    const stages = new Set<string>();
    for (const line of fs.readFileSync(path.join(appDir, image.directory, 'Dockerfile'), 'utf-8').split('\n')) {
      const m = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
      if (m) {
        if (!own.has(m[1]) && !stages.has(m[1])) {
          out.add(withDigests ? m[1] : m[1].replace(/@sha256:[0-9a-f]{64}$/, ''));
        }
        if (m[2]) {
          stages.add(m[2]);
        }
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
    if (named && totals.has(named[2])) {
      names.set(named[1], named[2]);
    }
    const done = /^#(\d+) DONE ([0-9.]+)s/.exec(line);
    if (done && names.has(done[1])) {
      const t = names.get(done[1])!;
      totals.set(t, totals.get(t)! + Number(done[2]));
    }
  }
  return totals;
}
