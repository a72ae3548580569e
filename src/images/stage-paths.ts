// Which paths a stage is known to have, and where a program of an exec-form command is found in it.

import * as path from 'path';
import { appImage } from './image-lookup';
import { chainRootRef, effectiveEnv, effectiveWorkdir } from './stage-inheritance';
import { CopyInstruction, InstructionKind, Stage } from '../dockerfile';
import { distrolessFamily, parseRef } from '../dockerfile/image-reference-facts';
import { DistrolessTag } from '../runtimes';

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

/** Where a COPY of a stage writes: its destination made absolute against the stage's WORKDIR at that point. */
export function copyDestination(copy: CopyInstruction, stage: Stage): string {
  return absolute(copy.destination, stage);
}
