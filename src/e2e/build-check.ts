// BuildKit's own build checks (the Dockerfile frontend's linter: SecretsUsedInArgOrEnv, JSONArgsRecommended,
// FromAsCasing, UndefinedVar, ...), as `docker buildx bake --call check,format=json` reports them: per bake target
// the warnings (rule, description, detail, url, line) or the error that stopped the check. A rule skipped with the
// `# check=skip=<Rule>,...` parser directive is not reported by BuildKit at all; the directive is read back from
// the Dockerfile BuildKit echoes in the same output, so a report shows what was suppressed next to what was found.
//
// The check needs a Dockerfile frontend with lint (Dockerfile 1.8, BuildKit 0.14): the e2e suite runs it on a
// second, short-lived engine of Debian forky (assets/e2e/engine.sh, LUCID_ENGINE_INSTANCE), whose frontend
// resolves every `FROM` of a registry image from a registry; bases are named as contexts (`checkContextsHcl`).
import * as fs from 'fs';
import * as path from 'path';
import { buildCheckOutputUnreadable } from '../core/errors';

/** One finding of BuildKit's build checks. @internal */
export interface BuildCheckFinding {
  /** BuildKit's rule name, e.g. `SecretsUsedInArgOrEnv`. */
  readonly rule: string;
  /** The rule's description. */
  readonly description: string;
  /** What this occurrence is about, e.g. `Do not use ARG or ENV instructions for sensitive data (ENV "API_PASSWORD")`. */
  readonly detail: string;
  /** The rule's documentation. */
  readonly url: string;
  /** The file BuildKit read (`Dockerfile`). */
  readonly file: string;
  /** The first line of the finding, 1-based, or null when BuildKit gives none. */
  readonly line: number | null;
}

/** The build checks of one bake target. @internal */
export interface BuildCheckResult {
  readonly target: string;
  readonly findings: BuildCheckFinding[];
  /** Rules the Dockerfile skips with `# check=skip=...` (not checked, so never found). */
  readonly skipped: string[];
  /** Why the check could not run (e.g. a base image that could not be resolved), if it did not. */
  readonly error?: string;
}

interface CheckJson {
  readonly warnings?: WarningJson[] | null;
  readonly sources?: { readonly filename?: string; readonly data?: string }[] | null;
  readonly buildError?: { readonly message?: string } | null;
}

interface WarningJson {
  readonly ruleName?: string;
  readonly description?: string;
  readonly detail?: string;
  readonly url?: string;
  readonly location?: { readonly sourceIndex?: number; readonly ranges?: { readonly start?: { readonly line?: number } }[] };
}

/**
 * The rules a Dockerfile's `# check=skip=A,B` parser directive skips (`all` when it skips every rule). Parser
 * directives are the `# key=value` lines at the very top: the first other line (a comment, a blank line, an
 * instruction) ends them. @internal
 */
export function skippedRules(dockerfile: string): string[] {
  const out: string[] = [];
  for (const line of dockerfile.replace(/^\uFEFF/, '').split('\n')) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) {
      break;
    }
    if (m[1].toLowerCase() === 'check') {
      for (const option of m[2].split(';')) {
        const [key, value] = option.split('=', 2).map(s => s.trim());
        if (key === 'skip' && value !== undefined) {
          out.push(...value.split(',').map(s => s.trim()).filter(s => s.length > 0));
        }
      }
    }
  }
  return out;
}

/** The result of one `check` object (bake's `target.<name>.check`, or a whole `build --call check,format=json`). */
function checkResult(target: string, check: CheckJson): BuildCheckResult {
  const sources = check.sources ?? [];
  const findings = (check.warnings ?? []).map((w): BuildCheckFinding => {
    const source = sources[w.location?.sourceIndex ?? 0];
    const line = w.location?.ranges?.[0]?.start?.line;
    return {
      rule: w.ruleName ?? '(no rule name)',
      description: w.description ?? '',
      detail: w.detail ?? '',
      url: w.url ?? '',
      file: source?.filename ?? 'Dockerfile',
      line: typeof line === 'number' ? line : null,
    };
  });
  const dockerfile = sources.find(s => s.filename === 'Dockerfile' || sources.length === 1)?.data;
  const skipped = dockerfile === undefined ? [] : skippedRules(Buffer.from(dockerfile, 'base64').toString('utf-8'));
  const error = check.buildError ? check.buildError.message ?? 'the check failed' : undefined;
  return { target, findings, skipped, ...error === undefined ? {} : { error } };
}

/**
 * Parses `docker buildx bake --call check,format=json` output: one result per target, sorted by target name.
 * @throws Error when the output is not bake's JSON. @internal
 */
export function parseBakeCheck(json: string): BuildCheckResult[] {
  let doc: { target?: Record<string, { check?: CheckJson }> };
  try {
    doc = JSON.parse(json);
  } catch (e: any) {
    throw buildCheckOutputUnreadable(e.message ?? String(e));
  }
  if (typeof doc !== 'object' || doc === null || typeof doc.target !== 'object' || doc.target === null) {
    throw buildCheckOutputUnreadable('it has no "target" object');
  }
  return Object.keys(doc.target).sort().map(t => {
    const check = doc.target![t].check;
    return check === undefined ? { target: t, findings: [], skipped: [], error: 'bake reported no check for this target' } : checkResult(t, check);
  });
}

/** Parses `docker buildx build --call check,format=json` output, the check of one build. @internal */
export function parseBuildCheck(target: string, json: string): BuildCheckResult {
  return checkResult(target, JSON.parse(json) as CheckJson);
}

/** One line per finding: `target: Dockerfile:3 Rule: detail (url)`. @internal */
export function formatFindings(results: BuildCheckResult[]): string[] {
  return results.flatMap(r => [
    ...r.findings.map(f => `${r.target}: ${f.file}${f.line === null ? '' : `:${f.line}`} ${f.rule}: ${f.detail || f.description} (${f.url})`),
    ...r.error === undefined ? [] : [`${r.target}: the check did not run: ${r.error}`],
  ]);
}

/**
 * A bake file that names, for each target, the given contexts: each registry image its Dockerfile names (as
 * written, digest included) → the copy of its stand-in in the loopback registry. BuildKit's frontend resolves the
 * bases of a check from a registry and never from the engine's images; the targets' own `target:` contexts are
 * kept (bake merges the maps). @internal
 */
export function checkContextsHcl(contexts: Record<string, Record<string, string>>): string {
  return Object.keys(contexts).sort().map(t => {
    const refs = Object.keys(contexts[t]).sort();
    return `target ${JSON.stringify(t)} {\n  contexts = {\n${refs.map(r => `    ${JSON.stringify(r)} = ${JSON.stringify(contexts[t][r])}\n`).join('')}  }\n}\n`;
  }).join('\n');
}

/** A target as `docker buildx bake --print` shows it (the parts the check reads). @internal */
export interface PrintedTarget {
  readonly context?: string;
  readonly dockerfile?: string;
  readonly contexts?: Record<string, string>;
  readonly tags?: string[];
}

/** The registry images a Dockerfile's `FROM` lines name, as written: no stage names, no `scratch`, no `$` refs. @internal */
export function fromImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const out: string[] = [];
  for (const line of dockerfile.split('\n')) {
    const m = /^\s*FROM\s+((?:--\S+\s+)*)(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
    if (!m) {
      continue;
    }
    const ref = m[2];
    if (!stages.has(ref.toLowerCase()) && ref !== 'scratch' && !ref.includes('$') && !out.includes(ref)) {
      out.push(ref);
    }
    if (m[3]) {
      stages.add(m[3].toLowerCase());
    }
  }
  return out;
}

/** Where the check of a target reads each of its bases from. @internal */
export interface CheckContext {
  /** The reference as the Dockerfile writes it → a `docker-image://` in the loopback registry. */
  readonly contexts: Record<string, string>;
  /** Local images to copy into the registry first: local reference → registry reference. */
  readonly copies: Record<string, string>;
}

/**
 * The contexts of a check of `target`: a base the bake file gives as `target:<other>` → the image that target built
 * (its first tag, copied to `<registry>/lucid-check/<tag>`: `--call check` cannot link a target's result, buildx
 * says "unsupported context source target"); a base the bake file names another context for keeps it; any other
 * registry image → its stand-in (`<registry>/lucid-standin/<name:tag>`, the digest dropped). @internal
 */
export function checkContext(registry: string, target: string, printed: Record<string, PrintedTarget>, dockerfile: string): CheckContext {
  const own = printed[target]?.contexts ?? {};
  const contexts: Record<string, string> = {};
  const copies: Record<string, string> = {};
  for (const ref of fromImages(dockerfile)) {
    const given = own[ref];
    if (given !== undefined && given.startsWith('target:')) {
      const tag = printed[given.slice('target:'.length)]?.tags?.[0];
      if (tag !== undefined) {
        copies[tag] = `${registry}/lucid-check/${tag}`;
        contexts[ref] = `docker-image://${copies[tag]}`;
      }
    } else if (given === undefined) {
      const local = ref.replace(/@sha256:[0-9a-f]{64}$/, '');
      copies[local] = `${registry}/lucid-standin/${local}`;
      contexts[ref] = `docker-image://${copies[local]}`;
    }
  }
  return { contexts, copies };
}

/** The outcome of a command. @internal */
export interface CheckRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The rules BuildKit marks experimental (off by default) that the suite turns on too, in a second check of each
 * target: CopyIgnoredFile (a COPY of a file `.dockerignore` excludes). The other experimental rule,
 * InvalidDefinitionDescription, stays off: it takes the generated-file marker comment above the first FROM for a
 * description of that stage (a blank line does not separate them in Engine 28.5's frontend), and nothing reads the
 * marker as one (`--call targets` shows no description for that stage). @internal
 */
export const EXPERIMENTAL_RULES = ['CopyIgnoredFile'];

/**
 * The `BUILDKIT_DOCKERFILE_CHECK` build argument of the second check of a Dockerfile, or undefined when it turns
 * nothing on. The argument replaces the file's own `# check=` directive, so the file's skipped rules are passed on;
 * a rule turned on by name is checked even when skipped, so a skipped one is not turned on. @internal
 */
export function experimentalCheckArg(fileSkips: string[], experimental: string[] = EXPERIMENTAL_RULES): string | undefined {
  if (fileSkips.includes('all')) {
    return undefined;
  }
  const on = experimental.filter(r => !fileSkips.includes(r));
  return on.length === 0 ? undefined : `experimental=${on.join(',')}${fileSkips.length ? `;skip=${fileSkips.join(',')}` : ''}`;
}

/** What the checks run on. @internal */
export interface BuildCheckEngine {
  /** The loopback registry both engines reach (`host:port`). */
  readonly registry: string;
  /** The platforms (`PLATFORMS` of the bake file). */
  readonly platforms: string[];
  /** Where the raw outputs and the contexts bake file go. */
  readonly workDir: string;
  /** docker on the engine that holds the stand-ins and the images the suite built; never throws. */
  readonly docker: (args: string[], cwd?: string) => CheckRun;
  /** docker on the engine whose frontend has the build checks; never throws. */
  readonly checkDocker: (args: string[], cwd: string, env: Record<string, string>) => CheckRun;
  readonly log: (message: string) => void;
}

/** A bake file whose targets are checked. @internal */
export interface BuildCheckSet {
  /** A name for the report: `app` (the app's own bake file), or the fixture's folder. */
  readonly label: string;
  /** The folder of its `docker-bake.hcl`. */
  readonly dir: string;
  /** Each target checked → the rules its check must find, exactly (none for a compliant target). */
  readonly expected: Record<string, string[]>;
}

/** The check of one target, as the e2e report shows it. @internal */
export interface BuildCheckReport {
  readonly set: string;
  readonly target: string;
  /** Both checks of the target. */
  readonly seconds: number;
  readonly findings: number;
  /** The rules found, sorted, once each. */
  readonly rules: string[];
  /** The rules the Dockerfile skips with `# check=skip=`. */
  readonly skipped: string[];
  /** The experimental rules the second check turned on (`EXPERIMENTAL_RULES` the file does not skip). */
  readonly experimental: string[];
  /** The rules the check had to find (none: compliant). */
  readonly expectedRules: string[];
  /** The rules found are exactly the expected ones, and the check ran. */
  readonly ok: boolean;
  /** One line per finding. */
  readonly details: string[];
  readonly error?: string;
}

/**
 * Runs BuildKit's build checks on every target of each set, one `docker buildx bake --call check,format=json` a
 * target (so each has its own time), then once more with `EXPERIMENTAL_RULES` on, with its bases named as contexts
 * in the loopback registry (`checkContext`) after copying them there from the engine that has them. @internal
 */
export function runBuildChecks(engine: BuildCheckEngine, sets: BuildCheckSet[]): BuildCheckReport[] {
  const reports: BuildCheckReport[] = [];
  const pushed = new Set<string>();
  const outDir = path.join(engine.workDir, 'build-check');
  fs.mkdirSync(outDir, { recursive: true });
  for (const set of sets) {
    const targets = Object.keys(set.expected);
    const slug = set.label.replace(/[^a-zA-Z0-9_.-]+/g, '_');
    const report = (target: string, seconds: number, result: BuildCheckResult, experimental: string[]): BuildCheckReport => {
      const rules = [...new Set(result.findings.map(f => f.rule))].sort();
      const expectedRules = [...new Set(set.expected[target])].sort();
      return {
        set: set.label,
        target,
        seconds,
        findings: result.findings.length,
        rules,
        skipped: result.skipped,
        experimental,
        expectedRules,
        ok: result.error === undefined && rules.join(',') === expectedRules.join(','),
        details: formatFindings([result]),
        ...result.error === undefined ? {} : { error: result.error },
      };
    };
    const print = engine.docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', ...targets], set.dir);
    if (print.status !== 0) {
      const error = `docker buildx bake --print failed: ${lastLines(print.stderr)}`;
      reports.push(...targets.map(t => report(t, 0, { target: t, findings: [], skipped: [], error }, [])));
      continue;
    }
    const printed = (JSON.parse(print.stdout) as { target: Record<string, PrintedTarget> }).target;
    const contexts: Record<string, Record<string, string>> = {};
    const copies: Record<string, string> = {};
    const experimentalArgs: Record<string, string> = {};
    for (const t of targets) {
      const p = printed[t] ?? {};
      const dockerfile = fs.readFileSync(path.resolve(set.dir, p.context ?? '.', p.dockerfile ?? 'Dockerfile'), 'utf-8');
      const c = checkContext(engine.registry, t, printed, dockerfile);
      contexts[t] = c.contexts;
      Object.assign(copies, c.copies);
      const arg = experimentalCheckArg(skippedRules(dockerfile));
      if (arg !== undefined) {
        experimentalArgs[t] = arg;
      }
    }
    const t0 = Date.now();
    for (const [local, remote] of Object.entries(copies).sort()) {
      if (pushed.has(remote)) {
        continue;
      }
      const tag = engine.docker(['tag', local, remote]);
      const push = tag.status === 0 ? engine.docker(['push', '-q', remote]) : tag;
      if (push.status !== 0) {
        engine.log(`build checks: could not copy ${local} to ${remote}: ${push.stderr.trim()}`);
      }
      pushed.add(remote);
    }
    engine.log(`build checks (${set.label}): ${Object.keys(copies).length} bases in ${engine.registry} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const hcl = path.join(engine.workDir, `build-check.${slug}.hcl`);
    fs.writeFileSync(hcl, checkContextsHcl(contexts));
    const experimentalHcl = path.join(engine.workDir, `build-check.${slug}.experimental.hcl`);
    fs.writeFileSync(experimentalHcl, Object.keys(experimentalArgs).sort()
      .map(t => `target ${JSON.stringify(t)} {\n  args = {\n    BUILDKIT_DOCKERFILE_CHECK = ${JSON.stringify(experimentalArgs[t])}\n  }\n}\n`).join('\n'));

    /** One check of a target; the experimental one turns on `EXPERIMENTAL_RULES`. */
    const checkOnce = (t: string, experimental: boolean): BuildCheckResult => {
      const files = ['-f', 'docker-bake.hcl', '-f', hcl, ...experimental ? ['-f', experimentalHcl] : []];
      const r = engine.checkDocker(['buildx', 'bake', ...files, '--call', 'check,format=json', '--progress=quiet', t],
        set.dir, { PLATFORMS: engine.platforms.join(',') });
      fs.writeFileSync(path.join(outDir, `${slug}.${t}${experimental ? '.experimental' : ''}.json`), r.stdout);
      let result: BuildCheckResult | undefined;
      try {
        result = parseBakeCheck(r.stdout).find(x => x.target === t);
      } catch (e: any) {
        return { target: t, findings: [], skipped: [], error: `${e.message ?? e}; stderr: ${lastLines(r.stderr)}` };
      }
      if (result === undefined) {
        return { target: t, findings: [], skipped: [], error: 'bake printed no check of this target' };
      }
      // bake exits 1 when a check finds anything or cannot run, 0 when it is clean.
      const statusAgrees = (r.status === 0) === (result.findings.length === 0 && result.error === undefined);
      return statusAgrees || result.error !== undefined ? result : { ...result, error: `bake exited ${r.status}: ${lastLines(r.stderr)}` };
    };

    for (const t of targets) {
      const started = Date.now();
      const first = checkOnce(t, false);
      const second = experimentalArgs[t] !== undefined && first.error === undefined ? checkOnce(t, true) : undefined;
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      // The second check repeats the first one's findings (same rules, same lines): each is counted once.
      const seen = new Set(first.findings.map(f => `${f.rule}:${f.line}`));
      const error = first.error ?? second?.error;
      const merged: BuildCheckResult = {
        target: t,
        findings: [...first.findings, ...(second?.findings ?? []).filter(f => !seen.has(`${f.rule}:${f.line}`))],
        skipped: first.skipped,
        ...error === undefined ? {} : { error },
      };
      const on = second === undefined ? [] : EXPERIMENTAL_RULES.filter(r => experimentalArgs[t].includes(r));
      reports.push(report(t, seconds, merged, on));
    }
  }
  return reports;
}

/** The last lines of a command's output, on one line. */
function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' ');
}
