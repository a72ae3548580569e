// What a stage inherits (family, user, labels, ports, health check, entrypoint, environment, WORKDIR) from the
// earlier stages and the images of the app it is built FROM.

import * as path from 'path';
import { appImage } from './image-lookup';
import type { LucidImage } from './lucid-image';
import { InstructionKind, Stage } from '../dockerfile';
import { distrolessFamily, isDistroless, parseRef } from '../dockerfile/image-reference-facts';
import { DistrolessTag, DistrolessUser, RuntimeFamily } from '../runtimes';

/**
 * The user a stage runs as: its last USER, or what its base runs as. `undefined` when it cannot be known (an
 * image outside the catalogue, whose default is root unless its author changed it).
 */
export function effectiveUser(stage: Stage): string | undefined {
  const set = stageChain(stage).find(s => s.user !== undefined);
  if (set) {
    return set.user;
  }
  const ref = parseRef(chainRootRef(stage));
  if (ref && isDistroless(ref)) {
    const tag = ref.tag ?? DistrolessTag.LATEST;
    return tag === DistrolessTag.NONROOT || tag === DistrolessTag.DEBUG_NONROOT
      ? `${DistrolessUser.NONROOT_UID}` : `${DistrolessUser.ROOT_UID}`;
  }
  return undefined;
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

/** A value a stage has, and the stage that sets it: the stage itself, or one it inherits from. */
export interface Inherited<T> {
  readonly value: T;
  readonly stage: Stage;
}

/**
 * The stage followed by the stages it inherits from, nearest first: the earlier stage it is built FROM, or the
 * final stage of the image of the app it is built FROM, and so on. Ends at a registry image (or a cycle).
 */
export function stageChain(stage: Stage, imageNamed: (ref: string | undefined) => LucidImage | undefined = ref => appImage(stage, ref)): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.baseImage.stage ?? imageNamed(s.baseImage.imageRef)?.dockerfile.finalStage;
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

/**
 * The environment a stage has: what it sets and what it inherits, the nearest value of each name. `imageNamed`
 * finds the image of the app a reference names (by default a lookup over the whole tree; a construct that
 * knows its base images passes them, so that building it walks no tree).
 */
export function effectiveEnvVars(stage: Stage, imageNamed?: (ref: string | undefined) => LucidImage | undefined): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const s of stageChain(stage, imageNamed).reverse()) {
    Object.assign(out, s.envVars());
  }
  return out;
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
