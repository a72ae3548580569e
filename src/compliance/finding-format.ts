// How findings show what they point at: values, exec-form arguments, a stage's FROM, a COPY.

import type { CopyInstruction, Stage } from '../dockerfile';
import { rootStage } from '../images/stage-inheritance';

/** Shows a value in a finding: quoted, shortened when long. */
export function show(value: string, max = 160): string {
  const s = JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 4)}…"` : s;
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

/** Exec-form arguments as findings show them: a JSON array, shortened when long. */
export function showArgs(args: string[], max = 200): string {
  const s = JSON.stringify(args);
  return s.length > max ? `${s.slice(0, max - 2)}…]` : s;
}
