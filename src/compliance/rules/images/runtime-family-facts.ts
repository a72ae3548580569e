// What the two runtime family rules (LUCID-IMG7, LUCID-IMG8) share: the family a runtime stage is built FROM,
// the app's asOf date, and the fix that names the family to move to.

import { IConstruct } from 'constructs';
import { appOf } from '../../../core/app-of';
import { distrolessFamily, parseRef } from '../../../dockerfile/image-reference-facts';
import { rootStage } from '../../../images/stage-inheritance';
import { RuntimeFamily } from '../../../runtimes';
import { fromLine } from '../../finding-format';
import { asRuntimeStage } from '../../rule-targets';

/** The distroless family a runtime stage is built FROM (through earlier stages), and its FROM line. */
export function familySubject(construct: IConstruct): { family: RuntimeFamily; from: string } | undefined {
  const stage = asRuntimeStage(construct);
  if (!stage) {
    return undefined;
  }
  const ref = parseRef(rootStage(stage).baseImage.imageRef);
  const family = ref ? distrolessFamily(ref) : undefined;
  return family ? { family, from: fromLine(stage) } : undefined;
}

/** The fix for a family to leave: the replacement the catalogue names, else the newest of its language. */
export function familyReplacement(family: RuntimeFamily): string {
  const replacement = family.replacementFamily() ?? newest(family);
  return replacement
    ? `move to the ${replacement.debian} family ${replacement.name} (RuntimeFamily.${constName(replacement)})`
    : 'move to a supported family of the catalogue (RuntimeFamily.all())';
}

/** The supported family of the same language with the newest Debian, if any. */
function newest(family: RuntimeFamily): RuntimeFamily | undefined {
  return RuntimeFamily.all()
    .filter(f => f.language === family.language && f !== family && !f.isDeprecated())
    .sort((a, b) => b.name.localeCompare(a.name))[0];
}

/** The name of the RuntimeFamily constant of a family: `python3-debian13` → `PYTHON3_DEBIAN13`. */
function constName(family: RuntimeFamily): string {
  return family.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The app's asOf date, when the construct belongs to an app that sets one. */
export function asOfOf(construct: IConstruct): string | undefined {
  try {
    return appOf(construct).asOf;
  } catch {
    return undefined;
  }
}
