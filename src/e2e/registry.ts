// The registry round trip of the end-to-end suite: images pushed to the engine's loopback registry with the
// generated bake file, unmodified (`REGISTRY=<loopback>/pickme docker buildx bake --push`), each pushed tag read
// back with `docker buildx imagetools inspect --raw`, the bake file's `CACHE=registry` cache re-imported into an
// emptied BuildKit state, and a multi-platform image pulled back by digest and run on every platform.
//
// One translation, named here: the bake file's `ATTEST=true` asks for an SBOM, which BuildKit makes by running
// the image docker.io/docker/buildkit-syft-scanner. Offline, resolving that image fails (no registry but the
// loopback one is reachable); and a local image of that name would run on the build's default network, which the
// engine does not have ("network bridge not found"; no target setting gives the scanner network "none"). The suite
// tries `ATTEST=true` as written first, and when it fails for that reason, pushes again with `ATTEST=true` and
// the SBOM alone turned off (`--set <target>.attest=type=sbom,disabled=true`), so provenance is still checked and
// the error is reported.
import * as fs from 'fs';
import * as path from 'path';
import { contextsHcl } from './replay';
import { runStructureTest } from './structure-test';
import { commandFailed } from '../core/errors';

/** A manifest of an image index, as `imagetools inspect --raw` prints it. @internal */
export interface IndexManifest {
  readonly digest: string;
  /** `os/arch[/variant]`, or `unknown/unknown` for an attestation manifest. */
  readonly platform: string;
  /** For an attestation manifest: the digest of the image manifest it describes. */
  readonly attests?: string;
}

/** A pushed tag read back from the registry. @internal */
export interface PushedImage {
  /** The media type of what the tag points at. */
  readonly mediaType: string;
  /** Whether it is an OCI index or a Docker manifest list (not a single manifest). */
  readonly isIndex: boolean;
  /** The platforms of its image manifests, sorted. */
  readonly platforms: string[];
  readonly manifests: IndexManifest[];
}

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const ATTESTATION = 'attestation-manifest';

/** Reads the output of `docker buildx imagetools inspect --raw <tag>`. @internal */
export function parsePushedImage(raw: string): PushedImage {
  const doc = JSON.parse(raw) as { mediaType?: string; manifests?: any[] };
  const mediaType = doc.mediaType ?? (doc.manifests ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json');
  const manifests: IndexManifest[] = (doc.manifests ?? []).map(m => {
    const p = m.platform ?? {};
    const platform = [p.os ?? 'unknown', p.architecture ?? 'unknown', ...(p.variant ? [p.variant] : [])].join('/');
    const attests = m.annotations?.['vnd.docker.reference.type'] === ATTESTATION ? m.annotations['vnd.docker.reference.digest'] : undefined;
    return { digest: m.digest, platform, ...(attests ? { attests } : {}) };
  });
  const platforms = [...new Set(manifests.filter(m => !m.attests && m.platform !== 'unknown/unknown').map(m => m.platform))].sort();
  return { mediaType, isIndex: INDEX_TYPES.has(mediaType), platforms, manifests };
}

/** Per platform of a pushed index, the digest of its attestation manifest (platforms without one are absent). @internal */
export function attestationsByPlatform(image: PushedImage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of image.manifests.filter(x => !x.attests)) {
    const att = image.manifests.find(x => x.attests === m.digest);
    if (att) {
      out[m.platform] = att.digest;
    }
  }
  return out;
}

/** The in-toto predicate types of an attestation manifest (`imagetools inspect --raw <name>@<digest>`), sorted. @internal */
export function predicateTypes(raw: string): string[] {
  const doc = JSON.parse(raw) as { layers?: { mediaType?: string; annotations?: Record<string, string> }[] };
  return [...new Set((doc.layers ?? [])
    .filter(l => l.mediaType === 'application/vnd.in-toto+json')
    .map(l => l.annotations?.['in-toto.io/predicate-type'])
    .filter((t): t is string => typeof t === 'string'))].sort();
}

/** The in-toto predicate types of an SBOM (SPDX) and of SLSA provenance. @internal */
export const SBOM_PREDICATE = 'https://spdx.dev/Document';
export const PROVENANCE_PREDICATE = /^https:\/\/slsa\.dev\/provenance\/v/;

/** Dockerfile steps of a plain BuildKit log and how many of them were cached. @internal */
export interface CacheHits {
  readonly steps: number;
  readonly cached: number;
  /** cached / steps (0 when there are no steps). */
  readonly ratio: number;
}

/** A vertex that is a Dockerfile step: `#12 [linux/amd64 builder 4/8] COPY …` or `#12 [builder 4/8] COPY …`. */
const STEP = /^#(\d+) \[(?:[^\]]*? )?(?:\S+ )?\d+\/\d+\] /;

/**
 * The Dockerfile steps of one or more `--progress=plain` logs (vertices named `[platform stage n/m]`; the internal
 * and context vertices do not count) and how many BuildKit reported `CACHED`. A vertex counts once per log, however
 * often the log repeats it. @internal
 */
export function cacheHits(...logs: string[]): CacheHits {
  let steps = 0;
  let cached = 0;
  for (const log of logs) {
    const ids = new Set<string>();
    const hits = new Set<string>();
    for (const line of log.split('\n')) {
      const s = STEP.exec(line);
      if (s) {
        ids.add(s[1]);
      }
      const c = /^#(\d+) CACHED$/.exec(line.trimEnd());
      if (c) {
        hits.add(c[1]);
      }
    }
    steps += ids.size;
    cached += [...hits].filter(id => ids.has(id)).length;
  }
  return { steps, cached, ratio: steps === 0 ? 0 : cached / steps };
}

/**
 * Per target platform, the sum of the durations BuildKit reports for the Dockerfile steps it ran for that platform
 * (`[linux/arm64 runtime 1/4]`, and `[linux/amd64->arm64 builder 5/8]`, a stage on the build platform that compiles
 * for arm64, counts for arm64). Cached steps count nothing. @internal
 */
export function stepSecondsPerPlatform(log: string): Record<string, number> {
  const owner = new Map<string, string>();
  const out: Record<string, number> = {};
  for (const line of log.split('\n')) {
    const named = /^#(\d+) \[([a-z0-9]+\/[a-z0-9]+(?:\/v\d)?)(?:->([a-z0-9]+(?:\/v\d)?))? \S+ \d+\/\d+\] /.exec(line);
    if (named && !owner.has(named[1])) {
      const os = named[2].split('/')[0];
      owner.set(named[1], named[3] ? `${os}/${named[3]}` : named[2]);
    }
    const done = /^#(\d+) DONE ([0-9.]+)s$/.exec(line.trimEnd());
    if (done && owner.has(done[1])) {
      const p = owner.get(done[1])!;
      out[p] = Math.round(((out[p] ?? 0) + Number(done[2])) * 10) / 10;
    }
  }
  return out;
}

/** The FROM images of a Dockerfile that run on the target platform (not `--platform=$BUILDPLATFORM`), without digests. @internal */
export function targetPlatformBases(dockerfile: string): string[] {
  const stages = new Set<string>();
  const out = new Set<string>();
  for (const line of dockerfile.split('\n')) {
    const m = /^FROM\s+(--platform=(\S+)\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line.trim());
    if (!m) {
      continue;
    }
    if (m[2] !== '$BUILDPLATFORM' && m[2] !== '${BUILDPLATFORM}' && !stages.has(m[3])) {
      out.add(m[3].replace(/@sha256:[0-9a-f]{64}$/, ''));
    }
    if (m[4]) {
      stages.add(m[4]);
    }
  }
  return [...out].sort();
}

/**
 * Whether a failed bake's plain log failed because the SBOM scanner cannot run offline: its image could not be
 * resolved, or it could not run for want of the default network. @internal
 */
export function sbomCannotRunOffline(log: string): boolean {
  const lines = log.split('\n');
  const scanner = lines.some(l => /resolve image config for docker-image:\/\/\S*buildkit-syft-scanner/.test(l)) &&
    lines.some(l => /^ERROR: failed to solve: failed to resolve source metadata for \S*buildkit-syft-scanner/.test(l));
  const network = lines.some(l => /^#\d+ \[[^\]]+\] generating sbom using /.test(l)) &&
    lines.some(l => /^ERROR: failed to solve: .*network bridge not found/.test(l));
  return scanner || network;
}

/** What the registry round trip measured. @internal */
export interface RegistryReport {
  /** Per pushed image name (without the registry), the platforms of its manifest list. */
  readonly manifests: Record<string, string[]>;
  /** Seconds of each `bake --push`, by what it pushed. */
  readonly pushSeconds: Record<string, number>;
  /** Per platform, seconds of the steps BuildKit ran for the multi-platform images, from an empty cache. */
  readonly buildSecondsPerPlatform: Record<string, number>;
  /** The rebuild from the registry cache into an emptied BuildKit state. */
  readonly cache: CacheHits & { readonly seconds: number };
  /** Per multi-platform image and platform, its attestation predicate types. */
  readonly attestations: Record<string, Record<string, string[]>>;
  /** Why `ATTEST=true` as written could not push here, when it could not (BuildKit's error line). */
  readonly sbomOffline?: string;
  /** The references pulled back and run, by digest. */
  readonly pulled: string[];
}

/** An image the round trip pushes: its bake target, tag, folder and platforms. @internal */
export interface RegistryTarget {
  readonly target: string;
  /** The image's tag as the bake file writes it with REGISTRY=pickme (e.g. `pickme/lucid-rdp-services:latest`). */
  readonly ref: string;
  /** Its folder in the app (Dockerfile, structure-test.yaml). */
  readonly directory: string;
  /** Whether it is a service to run (health check, uid), not only a base. */
  readonly service: boolean;
}

/** The engine and helpers of an e2e run that the round trip uses. @internal */
export interface RegistryEngine {
  readonly appDir: string;
  readonly workDir: string;
  /** `host:port` of the loopback registry. */
  readonly registry: string;
  readonly env: NodeJS.ProcessEnv;
  /** Pinned references → their stand-ins (bake `contexts`). */
  readonly contexts: { [reference: string]: string };
  readonly docker: (args: string[], opts?: { env?: NodeJS.ProcessEnv; allowFailure?: boolean }) => { status: number; stdout: string; stderr: string };
  /** Runs a command in the engine's network namespace (engine.sh exec). */
  readonly exec: (args: string[]) => { status: number; stdout: string; stderr: string };
  /** Builds the stand-ins of these images for these architectures (standins.sh). */
  readonly standins: (images: string[], arches: string[]) => void;
  /** Runs an image as the service of a bake target on a platform: whether it became healthy, and its process's uid. */
  readonly runService: (ref: string, target: string, platform: string) => { healthy: boolean; uid: number | null };
  readonly log: (m: string) => void;
  readonly check: (ok: boolean, what: string) => void;
}

/** The registry namespace the bake file's REGISTRY variable takes by default. */
const NAMESPACE = 'pickme';

/**
 * Pushes `multiPlatform` for linux/amd64 and linux/arm64 and `amd64Only` for linux/amd64 to the loopback registry,
 * checks what was pushed, round-trips the registry cache and runs the multi-platform images pulled by digest.
 * @internal
 */
export function runRegistryRoundTrip(engine: RegistryEngine, multiPlatform: RegistryTarget[], amd64Only: RegistryTarget[]): RegistryReport {
  const { appDir, workDir, registry, docker, log, check } = engine;
  const dir = path.join(workDir, 'registry-round-trip');
  fs.mkdirSync(dir, { recursive: true });
  const both = ['linux/amd64', 'linux/arm64'];
  const prefix = `${registry}/${NAMESPACE}`;
  const pushed = (t: RegistryTarget) => `${registry}/${t.ref}`;
  const offline = path.join(dir, 'offline.hcl');
  fs.writeFileSync(offline, [...multiPlatform, ...amd64Only].map(t => `target "${t.target}" {\n  network = "none"\n${contextsHcl(engine.contexts)}}\n`).join('\n'));
  const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

  /** One `docker buildx bake` of the generated file (plus offline.hcl); its plain log is saved as NAME.log. */
  const bake = (name: string, vars: Record<string, string>, targets: RegistryTarget[], extra: string[] = []) => {
    const t0 = Date.now();
    if (targets.length === 0) {
      // With no target named, bake would build the group "default": every image.
      return { ok: true, log: '', seconds: 0, error: undefined };
    }
    const r = docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '-f', offline, '--progress=plain', '--push', ...extra, ...targets.map(t => t.target)],
      { env: { ...engine.env, REGISTRY: prefix, ...vars }, allowFailure: true });
    const logText = r.stderr + r.stdout;
    fs.writeFileSync(path.join(dir, `${name}.log`), logText);
    return { ok: r.status === 0, log: logText, seconds: seconds(t0), error: logText.split('\n').filter(l => /^ERROR:/.test(l)).pop() };
  };
  const must = (name: string, b: ReturnType<typeof bake>) => {
    if (!b.ok) {
      throw commandFailed(`docker buildx bake (${name})`, 1, b.log.split('\n').slice(-30).join('\n'));
    }
    return b;
  };
  const inspect = (ref: string) => {
    const r = engine.exec(['docker', 'buildx', 'imagetools', 'inspect', '--raw', ref]);
    if (r.status !== 0) {
      throw commandFailed(`docker buildx imagetools inspect --raw ${ref}`, r.status, r.stderr);
    }
    return r.stdout;
  };
  const prune = () => docker(['buildx', 'prune', '-af']);

  // The arm64 stand-ins of what the multi-platform images run on (their builders run on the build platform).
  const arm64Bases = [...new Set(multiPlatform.flatMap(t => targetPlatformBases(fs.readFileSync(path.join(appDir, t.directory, 'Dockerfile'), 'utf-8'))))];
  log(`registry: arm64 stand-ins of ${arm64Bases.join(' ')}`);
  engine.standins(arm64Bases, ['amd64', 'arm64']);

  const pushSeconds: Record<string, number> = {};
  const manifests: Record<string, string[]> = {};
  const attestations: Record<string, Record<string, string[]>> = {};

  // (b) The amd64 images the suite built already, with the registry cache exported next to them.
  const amd = must('push-amd64', bake('push-amd64', { PLATFORMS: 'linux/amd64', CACHE: 'registry' }, amd64Only));
  pushSeconds[amd64Only.map(t => t.target).join(',')] = amd.seconds;
  log(`registry: pushed ${amd64Only.map(t => t.target).join(', ')} for linux/amd64 in ${amd.seconds} s`);

  // (a) The multi-platform images from an empty BuildKit state and no cache import, so each platform's build time
  // is its own (their registry cache is exported below, after their tags are checked).
  prune();
  const attest = { PLATFORMS: both.join(','), ATTEST: 'true', CACHE: '' };
  let mp = bake('push-multiplatform', attest, multiPlatform);
  let sbomOffline: string | undefined;
  if (!mp.ok && sbomCannotRunOffline(mp.log)) {
    sbomOffline = mp.error;
    log(`registry: ATTEST=true cannot make an SBOM offline (${mp.error}); pushing with ATTEST=true and the SBOM off`);
    mp = bake('push-multiplatform', attest, multiPlatform, multiPlatform.flatMap(t => ['--set', `${t.target}.attest=type=sbom,disabled=true`]));
  }
  must('push-multiplatform', mp);
  pushSeconds[multiPlatform.map(t => t.target).join(',')] = mp.seconds;
  const buildSecondsPerPlatform = stepSecondsPerPlatform(mp.log);
  log(`registry: pushed ${multiPlatform.map(t => t.target).join(', ')} for ${both.join(',')} in ${mp.seconds} s ` +
    `(steps: ${Object.entries(buildSecondsPerPlatform).map(([p, s]) => `${p} ${s} s`).join(', ')})`);

  // What each tag holds.
  for (const t of multiPlatform) {
    const image = parsePushedImage(inspect(pushed(t)));
    manifests[t.ref] = image.platforms;
    check(image.isIndex && both.every(p => image.platforms.includes(p)),
      `registry: ${pushed(t)} is a manifest list of ${both.join(' and ')} (${image.mediaType}: ${image.platforms.join(', ')})`);
    const byPlatform = attestationsByPlatform(image);
    attestations[t.ref] = {};
    for (const p of both) {
      const types = byPlatform[p] ? predicateTypes(inspect(`${pushed(t).replace(/:[^:/]+$/, '')}@${byPlatform[p]}`)) : [];
      attestations[t.ref][p] = types;
      const wanted = sbomOffline ? 'provenance' : 'an SBOM and provenance';
      check(types.some(x => PROVENANCE_PREDICATE.test(x)) && (sbomOffline !== undefined || types.includes(SBOM_PREDICATE)),
        `registry: ${t.ref} ${p} has an attestation manifest with ${wanted} (${types.join(', ') || 'none'})`);
    }
  }
  for (const t of amd64Only) {
    const image = parsePushedImage(inspect(pushed(t)));
    manifests[t.ref] = image.platforms;
    check(image.platforms.join(',') === 'linux/amd64', `registry: ${pushed(t)} holds linux/amd64 (${image.mediaType}: ${image.platforms.join(', ') || 'no platform'})`);
  }

  // CACHE=registry: the multi-platform images' cache exported (a warm build), then every image rebuilt from an
  // emptied BuildKit state, from the cache the pushes exported.
  must('cache-export-multiplatform', bake('cache-export-multiplatform', { PLATFORMS: both.join(','), CACHE: 'registry' }, multiPlatform));
  prune();
  const c0 = Date.now();
  const again = [
    must('cache-amd64', bake('cache-amd64', { PLATFORMS: 'linux/amd64', CACHE: 'registry' }, amd64Only)),
    must('cache-multiplatform', bake('cache-multiplatform', { PLATFORMS: both.join(','), CACHE: 'registry' }, multiPlatform)),
  ];
  const hits = cacheHits(...again.map(b => b.log));
  const cache = { ...hits, ratio: Math.round(hits.ratio * 1000) / 1000, seconds: seconds(c0) };
  check(hits.steps > 0 && hits.cached === hits.steps,
    `registry: CACHE=registry rebuild from an empty BuildKit state: ${hits.cached}/${hits.steps} steps cached (${(hits.ratio * 100).toFixed(0)} %, ${cache.seconds} s)`);

  // Pulled back by digest, with no local copy left, and run on every platform.
  const pulled: string[] = [];
  for (const t of multiPlatform) {
    const digest = JSON.parse(engine.exec(['docker', 'buildx', 'imagetools', 'inspect', pushed(t), '--format', '{{json .Manifest}}']).stdout).digest as string;
    const byDigest = `${pushed(t).replace(/:[^:/]+$/, '')}@${digest}`;
    docker(['image', 'rm', '-f', pushed(t), byDigest], { allowFailure: true });
    check(docker(['image', 'inspect', byDigest], { allowFailure: true }).status !== 0, `registry: ${byDigest} is not in the engine before the pull`);
    for (const platform of both) {
      const pull = docker(['pull', '-q', '--platform', platform, byDigest], { allowFailure: true });
      check(pull.status === 0, `registry: docker pull --platform ${platform} ${byDigest}${pull.status === 0 ? '' : '\n      ' + pull.stderr.trim()}`);
      const user = docker(['image', 'inspect', '-f', '{{.Config.User}}', byDigest], { allowFailure: true }).stdout.trim();
      check(user === '65532:65532', `registry: ${t.target} ${platform} pulled by digest: image user 65532:65532 (got "${user}")`);
      const shell = docker(['run', '--rm', '--pull', 'never', '--platform', platform, '--network', 'none', '--entrypoint', '/bin/sh', byDigest, '-c', 'true'], { allowFailure: true });
      check(shell.status !== 0, `registry: ${t.target} ${platform} pulled by digest: /bin/sh cannot be executed`);
      const st = runStructureTest(path.join(appDir, t.directory, 'structure-test.yaml'), byDigest, engine.env, platform);
      check(st.failures.length === 0, `registry: ${t.target} ${platform} pulled by digest: structure-test.yaml, ${st.checks} checks${st.failures.map(f => '\n      ' + f).join('')}`);
      if (t.service) {
        const r = engine.runService(byDigest, t.target, platform);
        check(r.healthy && r.uid === 65532, `registry: ${t.target} ${platform} pulled by digest: healthy, runs as uid 65532 (healthy: ${r.healthy}, uid ${r.uid})`);
      }
    }
    pulled.push(byDigest);
  }
  return { manifests, pushSeconds, buildSecondsPerPlatform, cache, attestations, ...(sbomOffline ? { sbomOffline } : {}), pulled };
}
