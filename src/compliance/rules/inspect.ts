/**
 * What rules need to know about the model, computed from it in one place: which stage is the runtime, what
 * it is built FROM (a distroless family, an image of the app, an earlier stage), which user it runs as and
 * which paths exist in it. Internal: not exported from the package.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { appOf } from '../../core/app-of';
import { parsePort } from '../../core/port';
import { findAll, memo } from '../../core/tree-index';
import { CopyInstruction, Dockerfile, ImageReference, InstructionKind, Stage } from '../../dockerfile';
import { ImageKind, LucidImage } from '../../images/lucid-image';
import { DistrolessTag, DistrolessUser, RuntimeFamily } from '../../runtimes';
import { FoundationService } from '../../service/foundation-service';

/** The distroless registry prefix. */
export const DISTROLESS_PREFIX = 'gcr.io/distroless/';

/** The stage, when `c` is the final (runtime) stage of its Dockerfile. */
export function asRuntimeStage(c: IConstruct): Stage | undefined {
  return Stage.isStage(c) && c.dockerfile.finalStage === c ? c : undefined;
}

/** The stage, when `c` is a stage other than the final one (a builder). */
export function asBuilderStage(c: IConstruct): Stage | undefined {
  return Stage.isStage(c) && c.dockerfile.finalStage !== c ? c : undefined;
}

/** The Lucid image a Dockerfile belongs to, if any. */
export function imageOf(dockerfile: Dockerfile): LucidImage | undefined {
  const scope = dockerfile.node.scope;
  return scope && LucidImage.isLucidImage(scope) ? scope : undefined;
}

/** Whether the Dockerfile builds a base image (not a service). A bare Dockerfile counts as a service. */
export function isBaseImage(dockerfile: Dockerfile): boolean {
  return imageOf(dockerfile)?.kind === ImageKind.BASE;
}

/** The image of the same app that `ref` names, if any (its own bake target feeds it in). */
export function appImage(c: IConstruct, ref: string | undefined): LucidImage | undefined {
  if (ref === undefined) {
    return undefined;
  }
  let app: IConstruct;
  try {
    app = appOf(c);
  } catch {
    return undefined;
  }
  const byRef = memo(app, 'images-by-ref', () => {
    const map = new Map<string, LucidImage>();
    for (const i of LucidImage.all(app)) {
      if (!map.has(i.imageRef)) {
        map.set(i.imageRef, i);
      }
    }
    return map;
  });
  return byRef.get(ref);
}

/** A parsed reference, or undefined when it does not parse (the Dockerfile's validation reports that). */
export function parseRef(ref: string | undefined): ImageReference | undefined {
  if (ref === undefined || !ImageReference.isValid(ref)) {
    return undefined;
  }
  return ImageReference.parse(ref);
}

/** The reference without tag or digest, with its registry: `gcr.io/distroless/python3-debian13`. */
export function repositoryOf(ref: ImageReference): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

/** Whether the reference is a distroless image. */
export function isDistroless(ref: ImageReference): boolean {
  return repositoryOf(ref).startsWith(DISTROLESS_PREFIX);
}

/** The distroless family of a reference, when the catalogue knows it. */
export function distrolessFamily(ref: ImageReference): RuntimeFamily | undefined {
  const repo = repositoryOf(ref);
  return RuntimeFamily.all().find(f => f.repository === repo);
}

/** The runtime family a stage runs on: directly, through an image of the app, or through an earlier stage. */
export function stageFamily(stage: Stage, seen = new Set<Stage>()): RuntimeFamily | undefined {
  if (seen.has(stage)) {
    return undefined;
  }
  seen.add(stage);
  if (stage.baseImage.stage) {
    return stageFamily(stage.baseImage.stage, seen);
  }
  const base = appImage(stage, stage.baseImage.imageRef);
  if (base) {
    const s = base.dockerfile.finalStage;
    return s ? stageFamily(s, seen) : undefined;
  }
  const ref = parseRef(stage.baseImage.imageRef);
  return ref ? distrolessFamily(ref) : undefined;
}

/**
 * The user a stage runs as: its last USER, or what its base runs as. `undefined` when it cannot be known (an
 * image outside the catalogue, whose default is root unless its author changed it).
 */
export function effectiveUser(stage: Stage, seen = new Set<Stage>()): string | undefined {
  if (stage.user !== undefined) {
    return stage.user;
  }
  if (seen.has(stage)) {
    return undefined;
  }
  seen.add(stage);
  if (stage.baseImage.stage) {
    return effectiveUser(stage.baseImage.stage, seen);
  }
  const base = appImage(stage, stage.baseImage.imageRef);
  if (base) {
    const s = base.dockerfile.finalStage;
    return s ? effectiveUser(s, seen) : undefined;
  }
  const ref = parseRef(stage.baseImage.imageRef);
  if (ref && isDistroless(ref)) {
    const tag = ref.tag ?? DistrolessTag.LATEST;
    return tag === DistrolessTag.NONROOT || tag === DistrolessTag.DEBUG_NONROOT
      ? `${DistrolessUser.NONROOT_UID}` : `${DistrolessUser.ROOT_UID}`;
  }
  return undefined;
}

/**
 * The paths a stage is known to have: its distroless family's interpreter and aliases, what it copies (a
 * destination folder, or the file a single source lands as), and the same for what it is built from.
 */
export function knownPaths(stage: Stage, seen = new Set<Stage>()): string[] {
  if (seen.has(stage)) {
    return [];
  }
  seen.add(stage);
  const out: string[] = [];
  for (const copy of stage.copies()) {
    const dest = absolute(copy.destination, stage);
    out.push(dest);
    if (copy.destination.endsWith('/') || copy.sources.length > 1) {
      for (const src of copy.sources) {
        out.push(path.posix.join(dest, path.posix.basename(src)));
      }
    }
  }
  if (stage.baseImage.stage) {
    out.push(...knownPaths(stage.baseImage.stage, seen));
  } else {
    const base = appImage(stage, stage.baseImage.imageRef);
    const baseStage = base?.dockerfile.finalStage;
    if (baseStage) {
      out.push(...knownPaths(baseStage, seen));
    } else {
      const ref = parseRef(stage.baseImage.imageRef);
      const family = ref ? distrolessFamily(ref) : undefined;
      if (family?.interpreterPath) {
        out.push(family.interpreterPath, ...family.interpreterAliases);
      }
    }
  }
  return out;
}

/** Whether `p` is one of `known`, or inside one of them. */
export function isKnownPath(p: string, known: string[]): boolean {
  const n = path.posix.normalize(p);
  return known.some(k => n === k || n.startsWith(k.endsWith('/') ? k : `${k}/`));
}

/** A COPY destination made absolute against the stage's WORKDIR at that point (or `/`). */
function absolute(dest: string, stage: Stage): string {
  if (dest.startsWith('/')) {
    return path.posix.normalize(dest);
  }
  let workdir = '/';
  for (const i of stage.instructions) {
    if (i.kind === InstructionKind.WORKDIR && i.value) {
      workdir = path.posix.resolve(workdir, i.value);
    }
    if (i.kind === InstructionKind.COPY && i.copyInstruction!.destination === dest) {
      break;
    }
  }
  return path.posix.normalize(path.posix.join(workdir, dest));
}

/** Shows a value in a finding: quoted, shortened when long. */
export function show(value: string, max = 160): string {
  const s = JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 4)}…"` : s;
}

/** The stage whose FROM names a registry image: `stage` itself, or the first one up its chain of `FROM <stage>`. */
export function rootStage(stage: Stage): Stage {
  const seen = new Set<Stage>();
  let s = stage;
  while (s.baseImage.stage && !seen.has(s)) {
    seen.add(s);
    s = s.baseImage.stage;
  }
  return s;
}

/** A stage's FROM as findings show it: `FROM "ref"`, or `FROM builder ("ref")` through earlier stages. */
export function fromLine(stage: Stage): string {
  const root = rootStage(stage);
  const ref = root.baseImage.imageRef ?? '';
  return root === stage ? `FROM ${show(ref)}` : `FROM ${stage.baseImage.toString()} (${show(ref)})`;
}

/** A COPY as findings show it: `COPY --from=builder "/etc/passwd" "/etc/passwd"`. */
export function copyLine(copy: CopyInstruction): string {
  const from = copy.fromStageName ?? copy.fromImage;
  return ['COPY', ...(from !== undefined ? [`--from=${from}`] : []), ...[...copy.sources, copy.destination].map(p => show(p))].join(' ');
}

/** An image a construct pulls from a registry, as LUCID-IMG4 and LUCID-IMG5 check it. */
export interface PulledImage {
  /** How findings name it: `FROM "debian"`, `COPY --from="busybox:latest"`, `image "redis:8.0"`. */
  readonly value: string;
  /** The reference, as written. */
  readonly written: string;
  /** The parsed reference. */
  readonly ref: ImageReference;
}

/**
 * The registry images a construct pulls: a stage's FROM and `COPY --from=<image>` (images of the app, which bake
 * builds in the same graph, and stages excluded), or a foundation service's image. `undefined` when `c` is
 * neither a stage nor a foundation service. References that do not parse are left out: validation reports them.
 */
export function pulledImages(c: IConstruct): PulledImage[] | undefined {
  const out: PulledImage[] = [];
  const add = (written: string | undefined, value: (w: string) => string) => {
    const ref = parseRef(written);
    if (written !== undefined && ref && !appImage(c, written) && !out.some(p => p.written === written)) {
      out.push({ value: value(written), written, ref });
    }
  };
  if (FoundationService.isFoundationService(c)) {
    add(c.image, w => `image ${show(w)}`);
    return out;
  }
  if (!Stage.isStage(c)) {
    return undefined;
  }
  add(c.baseImage.imageRef, w => `FROM ${show(w)}`);
  for (const copy of c.copies()) {
    add(copy.fromImage, w => `COPY --from=${show(w)}`);
  }
  return out;
}

// What a stage inherits (labels, ports, health check, entrypoint, environment) and which programs exist in it.

/** A value a stage has, and the stage that sets it: the stage itself, or one it inherits from. */
export interface Inherited<T> {
  readonly value: T;
  readonly stage: Stage;
}

/**
 * The stage followed by the stages it inherits from, nearest first: the earlier stage it is built FROM, or the
 * final stage of the image of the app it is built FROM, and so on. Ends at a registry image (or a cycle).
 */
export function stageChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.baseImage.stage ?? appImage(s, s.baseImage.imageRef)?.dockerfile.finalStage;
  }
  return out;
}

/** The registry image at the bottom of a stage's chain, as written (`scratch` included). */
export function chainRootRef(stage: Stage): string | undefined {
  const chain = stageChain(stage);
  return chain[chain.length - 1].baseImage.imageRef;
}

/** The distroless family at the bottom of a stage's chain, when the catalogue knows it. */
export function chainFamily(stage: Stage): RuntimeFamily | undefined {
  const ref = parseRef(chainRootRef(stage));
  return ref ? distrolessFamily(ref) : undefined;
}

/** The labels a stage has: its own and the ones it inherits, the nearest value of each key. */
export function effectiveLabels(stage: Stage): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const s of stageChain(stage).reverse()) {
    Object.assign(out, s.labelMap());
  }
  return out;
}

/** The ports a stage exposes: its own and the ones it inherits (EXPOSE is inherited), each once, nearest first. */
export function effectiveExposes(stage: Stage): Inherited<Stage['exposedPorts'][number]>[] {
  const out: Inherited<Stage['exposedPorts'][number]>[] = [];
  for (const s of stageChain(stage)) {
    for (const p of s.exposedPorts) {
      if (!out.some(o => o.value.port === p.port && o.value.protocol === p.protocol)) {
        out.push({ value: p, stage: s });
      }
    }
  }
  return out;
}

/** The HEALTHCHECK a stage runs: its own, or the nearest one it inherits. */
export function effectiveHealthcheck(stage: Stage): Inherited<NonNullable<Stage['healthcheck']>> | undefined {
  for (const s of stageChain(stage)) {
    if (s.healthcheck) {
      return { value: s.healthcheck, stage: s };
    }
  }
  return undefined;
}

/** The value of an environment variable in a stage: set by it, or by the nearest stage it inherits from. */
export function effectiveEnv(stage: Stage, name: string): Inherited<string> | undefined {
  for (const s of stageChain(stage)) {
    const env = s.envVars();
    if (name in env) {
      return { value: env[name], stage: s };
    }
  }
  return undefined;
}

/** The working directory of a stage's container (WORKDIR, inherited), `/` by default. */
export function effectiveWorkdir(stage: Stage): string {
  let dir = '/';
  for (const s of stageChain(stage).reverse()) {
    for (const i of s.instructions) {
      if (i.kind === InstructionKind.WORKDIR && i.value) {
        dir = path.posix.resolve(dir, i.value);
      }
    }
  }
  return dir;
}

/** What a container of a stage starts: its ENTRYPOINT or, when there is none, its CMD. */
export interface StartCommand {
  /** `ENTRYPOINT` or `CMD`. */
  readonly kind: string;
  /** The exec-form arguments, the program first. */
  readonly args: string[];
  /** The stage that sets it; undefined when it is the distroless image's own entrypoint. */
  readonly stage?: Stage;
}

/**
 * The command a container of the stage starts: the ENTRYPOINT (own, inherited, else the distroless family's),
 * else the CMD (own or inherited). Undefined when there is neither.
 */
export function effectiveCommand(stage: Stage): StartCommand | undefined {
  const chain = stageChain(stage);
  const ep = chain.find(s => s.entrypoint !== undefined && s.entrypoint.length > 0);
  if (ep) {
    return { kind: 'ENTRYPOINT', args: ep.entrypoint!, stage: ep };
  }
  const family = chainFamily(stage);
  if (family && family.entrypoint.length > 0) {
    return { kind: 'ENTRYPOINT', args: [...family.entrypoint] };
  }
  const cmd = chain.find(s => s.cmd !== undefined && s.cmd.length > 0);
  return cmd ? { kind: 'CMD', args: cmd.cmd!, stage: cmd } : undefined;
}

/** Where a program of an exec-form command was looked for, and whether it is there. */
export interface ProgramLookup {
  /**
   * `exists`; `missing`; or `unknown` when the stage's base is an image outside the distroless catalogue (or a
   * :debug variant), whose files are not known.
   */
  readonly status: 'exists' | 'missing' | 'unknown';
  /** The absolute path found, or looked at for a path. */
  readonly path?: string;
  /** The PATH directories searched, for a bare name. */
  readonly searched?: string[];
}

/**
 * Looks a program up as the container runtime does for an exec-form command: a path as it is (relative to the
 * WORKDIR), a bare name in the directories of PATH (the stage's ENV PATH, inherited, else the distroless
 * family's). A path exists when `knownPaths()` has it: the family's interpreter, or what the stage copies.
 */
export function lookupProgram(stage: Stage, program: string): ProgramLookup {
  const rootRef = chainRootRef(stage);
  const ref = parseRef(rootRef);
  const family = ref ? distrolessFamily(ref) : undefined;
  const debug = ref?.tag === DistrolessTag.DEBUG || ref?.tag === DistrolessTag.DEBUG_NONROOT;
  if ((!family || debug) && rootRef !== 'scratch') {
    return { status: 'unknown' };
  }
  const known = knownPaths(stage);
  if (program.includes('/')) {
    const p = path.posix.resolve(effectiveWorkdir(stage), program);
    return { status: isKnownPath(p, known) ? 'exists' : 'missing', path: p };
  }
  // Docker's default PATH, for an image that sets none (scratch).
  const pathVar = effectiveEnv(stage, 'PATH')?.value ?? family?.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const searched = pathVar.split(':').filter(d => d.startsWith('/'));
  for (const dir of searched) {
    const p = path.posix.join(dir, program);
    if (isKnownPath(p, known)) {
      return { status: 'exists', path: p, searched };
    }
  }
  return { status: 'missing', searched };
}

/** Exec-form arguments as findings show them: a JSON array, shortened when long. */
export function showArgs(args: string[], max = 200): string {
  const s = JSON.stringify(args);
  return s.length > max ? `${s.slice(0, max - 2)}…]` : s;
}

/** The Dockerfile builds a service: a LucidImage of kind SERVICE, or a bare Dockerfile. */
export function isServiceDockerfile(dockerfile: Dockerfile): boolean {
  return !isBaseImage(dockerfile);
}

/** The stage, when `c` is the runtime (final) stage of a service's Dockerfile. */
export function asServiceRuntimeStage(c: IConstruct): Stage | undefined {
  const stage = asRuntimeStage(c);
  return stage && isServiceDockerfile(stage.dockerfile) ? stage : undefined;
}

/** Where a COPY of a stage writes: its destination made absolute against the stage's WORKDIR at that point. */
export function copyDestination(copy: CopyInstruction, stage: Stage): string {
  return absolute(copy.destination, stage);
}

/**
 * The ports an `org.lucid.expose` label names (`8080`, or `8080,9090`), or undefined when it is not a port
 * 1-65535 or a comma-separated list of them.
 */
export function exposeLabelPorts(value: string): number[] | undefined {
  const parts = value.split(',').map(p => p.trim());
  if (!parts.every(p => parsePort(p) !== undefined)) {
    return undefined;
  }
  return parts.map(Number);
}

/** An image's build context on disk, and as findings name it (relative to the project root). */
export interface ContextDirectory {
  /** The absolute path, to read the disk with; never shown (output has no absolute paths). */
  readonly absolute: string;
  /** The path relative to the project root, e.g. `examples/lucid/apps/api-gateway`. */
  readonly shown: string;
}

/** Where an image's build context is: `<project outdir>/<app outdir>/<image directory>`. */
export function contextDirectory(image: LucidImage): ContextDirectory {
  return {
    absolute: path.join(image.app.project.outdir, image.app.outdir, image.directory),
    shown: image.app.filePath(image.directory),
  };
}

/** Whether a directory exists (false when it cannot be read). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The paths, relative to `dir`, of the files the app generates inside it (projen file components under the app,
 * such as a Java base image's `.lucid/HealthCheck.java`): they exist once the app is synthesized.
 */
export function generatedFiles(app: IConstruct, dir: string): string[] {
  // Every generated file's absolute path, sorted once per synthesis; a folder's files are then one range of it.
  const all = memo(app, 'generatedFiles', () => findAll(app)
    .filter(c => typeof (c as { absolutePath?: unknown }).absolutePath === 'string' && typeof (c as { path?: unknown }).path === 'string')
    .map(c => (c as unknown as { absolutePath: string }).absolutePath)
    .sort());
  const prefix = path.resolve(dir) + path.sep;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (all[mid] < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const out: string[] = [];
  for (let i = lo; i < all.length && all[i].startsWith(prefix); i++) {
    out.push(all[i].slice(prefix.length).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * A path component's wildcard pattern as a regular expression, as COPY matches it (Go's `filepath.Match`): `*` and
 * `?` within the component, `[...]` classes (`[!...]` negated), `\\` escapes.
 */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const end = ch === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (ch === '*') {
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (end > 0) {
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      re += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i]);
    } else {
      re += escapeRegExp(ch);
    }
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return new RegExp(`^${escapeRegExp(pattern)}$`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
