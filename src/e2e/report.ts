// The report of an end-to-end run, written as e2e-report.json and printed as tables: one row per image and
// platform, BuildKit's build checks per bake target, the registry's manifests, compose timings, the cold-cache
// replay per workflow job, cache figures.
import type { BuildCheckReport } from './build-check';
import type { RegistryReport } from './registry';

/** One image checked on one platform. @internal */
export interface ImageReport {
  /** The bake target. */
  readonly name: string;
  /** `os/arch`, e.g. `linux/amd64`. */
  readonly platform: string;
  /** The compose service it runs as, or null for a base image. */
  readonly service: string | null;
  readonly sizeMb: number;
  readonly budgetMb: number;
  /** The uid its process runs as (from /proc), or null when it is not run (a base image). */
  readonly uid: number | null;
  /** Whether /bin/sh could be executed in it (must be false). */
  readonly shell: boolean;
  /** Whether its health check became healthy, or null for a base image. */
  readonly healthy: boolean | null;
  readonly structureTest: 'pass' | 'fail';
  readonly buildSeconds: number;
  /** The image id (config digest) on the engine. */
  readonly digest: string;
}

/** One workflow job replayed from a cold cache. @internal */
export interface ReplayReport {
  /** The workflow file, relative to the repository. */
  readonly workflow: string;
  readonly job: string;
  readonly seconds: number;
  readonly ok: boolean;
  /** Whether the job was expected to build (false for a fixture that proves a cold cache fails). */
  readonly expectedOk: boolean;
  /** Targets the engine could not build (foreign platforms). */
  readonly skipped: string[];
  readonly error?: string;
}

/** The whole report. @internal */
export interface E2eReport {
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly passed: boolean;
  readonly totalSeconds: number;
  readonly images: ImageReport[];
  /**
   * BuildKit's build checks (`docker buildx bake --call check`), per bake target of the stack and of each fixture:
   * the findings' count and rules, the rules the Dockerfile skips, the time.
   */
  readonly buildChecks: BuildCheckReport[];
  /** The engine that ran the build checks (`engine 28.5.2+dfsg4, Debian forky`), and their total time with its start and stop. */
  readonly buildCheck: { readonly engine: string; readonly seconds: number };
  /**
   * Hostile LABEL, ENV and ENTRYPOINT values the Dockerfile model wrote, built by BuildKit and read back from the
   * image's config: how many, how many came back different (0), the time. Absent when the suite was not given them.
   */
  readonly readback?: { readonly values: number; readonly differ: number; readonly seconds: number };
  /**
   * Per image name, the platforms its manifest list in the registry holds (empty until a registry is in the loop),
   * and the figures of the registry round trip when it ran.
   */
  readonly registry: { readonly manifests: Record<string, string[]> } & Partial<Omit<RegistryReport, 'manifests'>>;
  readonly compose: { readonly upSeconds: number; readonly downSeconds: number; readonly services: number };
  readonly replay: ReplayReport[];
  /** Cache figures: the build cache of the whole bake, and what each cold replay started from. */
  readonly cache: { readonly bakeSeconds: number; readonly buildCacheMbAfterBake: number | null };
  readonly failures: string[];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [fmt(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** The report as the tables the suite prints. @internal */
export function reportTables(r: E2eReport): string {
  const yes = (b: boolean | null) => b === null ? '-' : b ? 'yes' : 'NO';
  const images = table(['image', 'platform', 'service', 'size MB', 'budget MB', 'uid', 'shell', 'healthy', 'structure', 'build s', 'digest'],
    r.images.map(i => [i.name, i.platform, i.service ?? '-', i.sizeMb.toFixed(1), String(i.budgetMb), i.uid === null ? '-' : String(i.uid),
      i.shell ? 'YES' : 'no', yes(i.healthy), i.structureTest, i.buildSeconds.toFixed(1), i.digest.replace(/^sha256:/, '').slice(0, 12)]));
  const replay = table(['workflow', 'job', 'seconds', 'result', 'expected', 'skipped'],
    r.replay.map(j => [j.workflow, j.job, j.seconds.toFixed(1), j.ok ? 'built' : 'failed', j.expectedOk ? 'built' : 'failed', j.skipped.join(',') || '-']));
  const checks = table(['build checks', 'target', 'findings', 'rules', 'expected', 'skipped', 'experimental on', 'seconds', 'result'],
    r.buildChecks.map(c => [c.set, c.target, String(c.findings), c.rules.join(',') || '-', c.expectedRules.join(',') || 'none',
      c.skipped.join(',') || '-', c.experimental.join(',') || '-', c.seconds.toFixed(1), c.ok ? 'ok' : c.error !== undefined ? 'ERROR' : 'FAIL']));
  const manifests = Object.entries(r.registry.manifests);
  const reg = r.registry;
  const roundTrip = reg.cache === undefined ? [] : [
    `registry push: ${Object.entries(reg.pushSeconds ?? {}).map(([t, s]) => `${t} ${s.toFixed(1)} s`).join('; ')}; ` +
      `steps per platform from an empty cache: ${Object.entries(reg.buildSecondsPerPlatform ?? {}).map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(', ')}`,
    `registry cache (CACHE=registry, BuildKit state emptied): ${reg.cache.cached}/${reg.cache.steps} steps cached ` +
      `(${(reg.cache.ratio * 100).toFixed(0)} %), ${reg.cache.seconds.toFixed(1)} s` + (reg.sbomOffline ? `; SBOM not made offline: ${reg.sbomOffline}` : ''),
  ];
  return [
    images,
    '',
    checks,
    `build checks: ${r.buildChecks.length} targets on ${r.buildCheck.engine || 'no engine'}, ${r.buildCheck.seconds.toFixed(1)} s`,
    '',
    replay,
    '',
    `registry manifests: ${manifests.length === 0 ? 'none (no registry in the loop)' : manifests.map(([n, p]) => `${n} [${p.join(', ')}]`).join('; ')}`,
    ...roundTrip,
    `bake (all images): ${r.cache.bakeSeconds.toFixed(1)} s; build cache after it: ${r.cache.buildCacheMbAfterBake === null ? '-' : r.cache.buildCacheMbAfterBake.toFixed(0) + ' MB'}`,
    `compose up --build --wait: ${r.compose.upSeconds.toFixed(1)} s; compose down: ${r.compose.downSeconds.toFixed(1)} s (${r.compose.services} services)`,
    `replay: ${r.replay.reduce((s, j) => s + j.seconds, 0).toFixed(1)} s over ${r.replay.length} jobs; total ${r.totalSeconds.toFixed(1)} s`,
  ].join('\n');
}
