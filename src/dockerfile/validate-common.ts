/**
 * Checks and message helpers shared by the stage validators. Not exported from the folder's index.
 */
import { unrepresentableInJson } from './escape';
import { isOutsideContext, normalizeContextPath } from './paths';
import type { Stage } from './stage';
import { pathProblem } from '../core/path-grammar';

/** Environment variable and build argument names. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** File modes, in octal only. */
export const OCTAL_MODE = /^[0-7]{3,4}$/;

/** The stage being checked, its position in its Dockerfile, and the names of all stages there. */
export interface StageContext {
  readonly stage: Stage;
  readonly index: number;
  readonly stageNames: Set<string>;
}

/** Why `target` cannot be referenced (by FROM, COPY --from or a mount's from) in `stage`, or undefined. */
export function stageReferenceProblem(target: Stage, stage: Stage, index: number): string | undefined {
  if (target.dockerfile !== stage.dockerfile) {
    return `refers to stage "${target.name}" of another Dockerfile (${target.node.path}): a stage can only use stages of its own Dockerfile`;
  }
  if (!stage.dockerfile.stages.includes(target)) {
    return `refers to stage "${target.name}", which was replaced with replaceStage(): replace this stage too, referring to the new "${target.name}" (dockerfile.stage("${target.name}"))`;
  }
  if (target === stage) {
    return `refers to its own stage "${target.name}": use an earlier stage`;
  }
  const targetIndex = stage.dockerfile.stages.indexOf(target);
  if (targetIndex > index) {
    return `refers to stage "${target.name}", which comes later in the Dockerfile: add "${target.name}" before "${stage.name}"`;
  }
  return undefined;
}

/** Problems of a path read from the build context: outside it, or not expressible in .dockerignore. */
export function contextPathProblems(what: string, source: string): string[] {
  if (isOutsideContext(normalizeContextPath(source))) {
    return [`${what} source "${source}" is outside the build context: move the file into the context folder`];
  }
  if (source.trim() !== source) {
    return [`${what} source ${show(source)} starts or ends with whitespace, which .dockerignore cannot express: rename the file`];
  }
  const problem = pathProblem(source, { allowDot: true, allowTrailingSlash: true });
  if (problem !== undefined) {
    return [`${what} source ${show(source)} ${problem}`];
  }
  return [];
}

/** Problems of exec-form (JSON) arguments. */
export function execArgsProblems(kind: string, args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((a, n) => {
    const bad = unrepresentableInJson(a);
    if (bad) {
      out.push(`${kind} argument #${n + 1} ${show(a)} contains ${bad}: remove it`);
    }
  });
  return out;
}

/** `s` as a JSON string, with every control character and unpaired surrogate escaped, for messages. */
export function show(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A command shortened to one line of at most 60 characters, for messages. */
export function abbreviate(s: string): string {
  const oneLine = s.replace(/[\r\n]+/g, ' ');
  return oneLine.length > 60 ? oneLine.slice(0, 57) + '...' : oneLine;
}
