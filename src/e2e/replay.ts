// Cold-cache replay of a generated images workflow: every `docker/bake-action` step of every job, in `needs`
// order, turned into the `docker buildx bake` invocation the action makes on a runner — derived from the workflow
// file alone, so a change to the workflow changes the replay. The e2e suite runs these on the offline engine with
// BuildKit's cache emptied before each job (a fresh runner has none), keeping only the images the jobs it needs
// built. What a runner has and this machine has not is translated, and each translation is named here:
// - `push: true` becomes `--push` to `LUCID_REGISTRY` (a loopback registry) when one is given, else `--load`
//   with `ATTEST=false` (SBOM and provenance need an exporter that keeps them; `--load` cannot);
// - `type=gha` cache lines are dropped and `CACHE=gha` becomes `CACHE=` (none): on a fresh runner the GitHub
//   Actions cache of a scope that never ran is empty, so a cold replay imports nothing, and exporting to it needs
//   the runner's token. What the job builds is then built from nothing but its context and the images it names;
// - every target builds with network "none" (the engine has no bridge for RUN steps), from a second bake file
//   naming each target the step resolves (buildx 0.29 ignores `--set '*.network=none'`: RUN then fails with
//   "network bridge not found");
// - `${{ … }}` expressions take the value they have on a branch build that is not a tag (`a && b || 'x'` → `x`).
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { replayExpressionUnsupported, replayNeedsCycle } from '../core/errors';

/** One `docker buildx bake` invocation of a workflow step. @internal */
export interface BakeCommand {
  /** The workflow job the step belongs to. */
  readonly job: string;
  /** The step's name. */
  readonly step: string;
  /** The folder bake runs in, relative to the repository root (the action's `source`). */
  readonly cwd: string;
  /** Arguments after `docker`. */
  readonly args: string[];
  /** Environment the step gives bake (job env, then step env). */
  readonly env: Record<string, string>;
  /** The targets the step builds. */
  readonly targets: string[];
  /** The step pushed on a runner (here: loaded, or pushed to the loopback registry). */
  readonly push: boolean;
  /** Cache lines of the step that cannot work offline and were dropped. */
  readonly dropped: string[];
}

/** A job of the workflow and the bake invocations its steps make. @internal */
export interface ReplayJob {
  readonly id: string;
  readonly needs: string[];
  readonly commands: BakeCommand[];
}

/** Options of the derivation. @internal */
export interface ReplayOptions {
  /** A loopback registry (`host:port`) push steps push to; without one they load. */
  readonly registry?: string;
}

const BAKE_ACTION = /^docker\/bake-action@/;

/** The value an expression `${{ … }}` has on a branch build that is not a tag. */
function expand(value: string, where: string): string {
  return value.replace(/\$\{\{(.*?)\}\}/g, (_m, expr: string) => {
    const fallback = /\|\|\s*'([^']*)'\s*$/.exec(expr);
    if (!fallback) {
      throw replayExpressionUnsupported(where, expr);
    }
    return fallback[1];
  });
}

function list(value: unknown): string[] {
  return value === undefined || value === null ? [] : String(value).split(/[\n,]/).map(s => s.trim()).filter(s => s.length > 0);
}

function envOf(raw: Record<string, unknown> | undefined, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    out[k] = expand(String(v), where);
  }
  return out;
}

/** Orders jobs so that every job comes after the jobs it `needs` (stable for the rest). */
function needsOrder(jobs: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (id: string, chain: string[]) => {
    if (done.has(id)) return;
    if (chain.includes(id)) throw replayNeedsCycle([...chain, id]);
    for (const n of jobs.get(id) ?? []) visit(n, [...chain, id]);
    done.add(id);
    out.push(id);
  };
  [...jobs.keys()].forEach(id => visit(id, []));
  return out;
}

/**
 * The bake invocations of a workflow file's text, job by job in `needs` order; jobs without a bake step are
 * left out. @internal
 */
export function replayPlan(workflowText: string, options: ReplayOptions = {}): ReplayJob[] {
  const wf = parse(workflowText) ?? {};
  const jobs = new Map<string, any>(Object.entries(wf.jobs ?? {}));
  const needs = new Map<string, string[]>([...jobs].map(([id, j]) => [id, list(Array.isArray(j.needs) ? j.needs.join(',') : j.needs)]));
  const out: ReplayJob[] = [];
  for (const id of needsOrder(needs)) {
    const job = jobs.get(id);
    const jobEnv = envOf({ ...wf.env ?? {}, ...job.env ?? {} }, id);
    const commands: BakeCommand[] = [];
    for (const step of job.steps ?? []) {
      if (!BAKE_ACTION.test(String(step.uses ?? ''))) continue;
      const where = `${id}: ${step.name ?? step.uses}`;
      const w = step.with ?? {};
      const env = { ...jobEnv, ...envOf(step.env, where) };
      const dropped: string[] = [];
      if (env.CACHE === 'gha') {
        dropped.push('CACHE=gha');
        env.CACHE = '';
      }
      const push = String(w.push) === 'true';
      const load = String(w.load) === 'true';
      if (push && options.registry) {
        env.REGISTRY = options.registry;
      } else if (push && env.ATTEST === 'true') {
        // Attestations need an exporter that keeps them: with --load the docker driver refuses the build.
        dropped.push('ATTEST=true');
        env.ATTEST = 'false';
      }
      const targets = list(w.targets);
      const args = ['buildx', 'bake'];
      for (const f of list(w.files)) args.push('-f', f);
      for (const line of String(w.set ?? '').split('\n').map(s => expand(s.trim(), where)).filter(s => s.length > 0)) {
        if (/^[^=]+\.cache-(from|to)=type=gha\b/.test(line)) {
          dropped.push(line);
        } else {
          args.push('--set', line);
        }
      }
      if (push && options.registry) args.push('--push');
      else if (push || load) args.push('--load');
      args.push('--progress=plain', ...targets);
      commands.push({ job: id, step: String(step.name ?? step.uses), cwd: String(w.source ?? '.'), args, env, targets, push, dropped });
    }
    if (commands.length > 0) {
      out.push({ id, needs: needs.get(id) ?? [], commands });
    }
  }
  return out;
}

/** A bake command made to fit an engine: the targets it cannot build left out, the rest narrowed to its platforms. @internal */
export interface EngineCommand {
  readonly args: string[];
  /** A bake file to add with `-f`: network "none" for every target the step resolves. */
  readonly offlineHcl: string;
  /** Targets left out: none of their platforms is one the engine builds. */
  readonly skipped: string[];
}

/**
 * Fits `command` to an engine that builds `platforms`, from what `docker buildx bake --print` resolved for it
 * (`printed`: its JSON). A later engine with arm64 emulation passes both platforms and changes nothing. @internal
 */
export function fitToEngine(command: BakeCommand, printed: string, platforms: string[],
  contexts: { [reference: string]: string } = {}): EngineCommand {
  const targets: Record<string, { platforms?: string[] }> = JSON.parse(printed).target ?? {};
  const keep: string[] = [];
  const skipped: string[] = [];
  const narrow: string[] = [];
  for (const t of command.targets) {
    const resolved = targets[t]?.platforms ?? [];
    const ok = resolved.length === 0 ? platforms : resolved.filter(p => platforms.includes(p));
    if (ok.length === 0) {
      skipped.push(t);
      continue;
    }
    keep.push(t);
    if (ok.length !== resolved.length) narrow.push('--set', `${t}.platform=${ok.join(',')}`);
  }
  const head = command.args.slice(0, command.args.length - command.targets.length);
  const offlineHcl = Object.keys(targets).sort().map(t => `target "${t}" {\n  network = "none"\n${contextsHcl(contexts)}}\n`).join('');
  return { args: [...head, ...narrow, ...keep], offlineHcl, skipped };
}

/** A bake target's `contexts` attribute naming `contexts` (HCL strings are JSON strings here), or nothing. @internal */
export function contextsHcl(contexts: { [reference: string]: string }): string {
  const keys = Object.keys(contexts).sort();
  return keys.length === 0 ? '' : `  contexts = {\n${keys.map(k => `    ${JSON.stringify(k)} = ${JSON.stringify(contexts[k])}\n`).join('')}  }\n`;
}

/** The result of replaying one job. @internal */
export interface ReplayJobResult {
  readonly job: string;
  readonly seconds: number;
  readonly ok: boolean;
  /** Targets the engine could not build (foreign platforms only). */
  readonly skipped: string[];
  /** The first BuildKit error line when the job failed. */
  readonly error?: string;
}

/** How the replay reaches the engine. @internal */
export interface ReplayEngine {
  /** Runs `docker ARGS` in `cwd` (relative to the repository root) with `env` added. */
  readonly docker: (args: string[], cwd: string, env: Record<string, string>) => { status: number; stdout: string; stderr: string };
  /** Where the replay writes its offline bake files. */
  readonly workDir: string;
  /** The platforms the engine builds, e.g. `['linux/amd64']`. */
  readonly platforms: string[];
  readonly log?: (m: string) => void;
  /** Empty BuildKit's cache before each job (a cold replay). Default: true. */
  readonly prune?: boolean;
  /** Named contexts every target gets (pinned references → their stand-ins). Default: none. */
  readonly contexts?: { [reference: string]: string };
}

/** Replays `plan` job by job, emptying BuildKit's cache before each; stops a job at its first failed step. @internal */
export function runReplay(plan: ReplayJob[], engine: ReplayEngine): ReplayJobResult[] {
  const results: ReplayJobResult[] = [];
  for (const job of plan) {
    if (engine.prune !== false) engine.docker(['builder', 'prune', '-af'], '.', {});
    const t0 = Date.now();
    let ok = true;
    let error: string | undefined;
    const skipped: string[] = [];
    for (const c of job.commands) {
      let i = 2;
      while (c.args[i] === '-f') i += 2;
      const files = c.args.slice(0, i);
      const printed = engine.docker([...files, '--print', ...c.targets], c.cwd, c.env);
      if (printed.status !== 0) {
        ok = false;
        error = printed.stderr.trim().split('\n').slice(-3).join(' ');
        break;
      }
      const fitted = fitToEngine(c, printed.stdout, engine.platforms, engine.contexts);
      skipped.push(...fitted.skipped);
      if (fitted.skipped.length === c.targets.length) {
        continue;
      }
      const offline = path.join(engine.workDir, `replay-${c.job}.hcl`);
      fs.writeFileSync(offline, fitted.offlineHcl);
      const args = [...files, '-f', offline, ...fitted.args.slice(files.length)];
      engine.log?.(`  ${c.job}: docker ${args.join(' ')}`);
      const r = engine.docker(args, c.cwd, c.env);
      if (r.status !== 0) {
        ok = false;
        const lines = (r.stderr + r.stdout).split('\n');
        error = lines.find(l => /^ERROR: /.test(l)) ?? lines.filter(l => l.trim()).slice(-1)[0];
        break;
      }
    }
    results.push({ job: job.id, seconds: (Date.now() - t0) / 1000, ok, skipped, error });
  }
  return results;
}
