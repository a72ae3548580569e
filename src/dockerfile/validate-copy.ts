/**
 * Checks of COPY instructions. Not exported from the folder's index.
 */
import { unrepresentable } from './escape';
import { ImageReference } from './image-reference';
import type { CopyInstruction } from './instruction';
import { contextPathProblems, OCTAL_MODE, show, StageContext, stageReferenceProblem } from './validate-common';

const CHOWN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;

/** Problems of a COPY instruction: paths, flags, and where it copies from. */
export function copyProblems(c: CopyInstruction, ctx: StageContext): string[] {
  const out: string[] = [];
  if (c.sources.length === 0) {
    out.push('COPY has no sources: give at least one path');
  }
  for (const p of [...c.sources, c.destination]) {
    if (p === '') {
      out.push('COPY has an empty path');
      continue;
    }
    const bad = unrepresentable(p);
    if (bad) {
      out.push(`COPY path ${show(p)} contains ${bad}, which a Dockerfile cannot hold: rename the file`);
    }
  }
  if (c.sources.length > 1 && !c.destination.endsWith('/')) {
    out.push(`COPY of several sources needs a destination directory ending with "/": write "${c.destination}/"`);
  }
  if (c.fromStage && c.fromImage !== undefined) {
    out.push('COPY has both from and fromImage: give one');
  }
  if (c.fromStage) {
    const problem = stageReferenceProblem(c.fromStage, ctx.stage, ctx.index);
    if (problem) {
      out.push(`COPY --from ${problem}`);
    }
  }
  if (c.fromImage !== undefined) {
    const problem = ImageReference._problem(c.fromImage);
    if (problem) {
      out.push(`COPY --from image reference "${c.fromImage}" is invalid: ${problem}`);
    } else if (ctx.stageNames.has(c.fromImage)) {
      out.push(`COPY --from="${c.fromImage}" would name the stage "${c.fromImage}", not the image: pass the stage as from, or write the image's full reference`);
    }
  }
  if (c.chown !== undefined && !CHOWN.test(c.chown)) {
    out.push(`COPY --chown "${c.chown}" is invalid: use user, uid, user:group or uid:gid (e.g. 65532:65532)`);
  }
  if (c.chmod !== undefined && !OCTAL_MODE.test(c.chmod)) {
    out.push(`COPY --chmod "${c.chmod}" is invalid: use an octal mode such as 755 or 0644 (symbolic modes are ignored by Docker's built-in frontend)`);
  }
  if (c.fromContext) {
    for (const s of c.sources) {
      if (s !== '' && !unrepresentable(s)) {
        out.push(...contextPathProblems('COPY', s));
      }
    }
  }
  return out;
}
