import { IConstruct } from 'constructs';
import { appOf } from '../../../core/app-of';
import { distrolessFamily, parseRef } from '../../../dockerfile/image-reference-facts';
import { rootStage } from '../../../images/stage-inheritance';
import { RuntimeFamily } from '../../../runtimes';
import { fromLine } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/**
 * The distroless family the runtime stage is built FROM is still supported upstream: not deprecated or removed
 * (the debian12 families), and, when the app sets `asOf`, not past its end of life on that date. Stages built
 * on an image of the app are judged in that image's own Dockerfile, so each family is reported once.
 */
export class RuntimeFamilySupported implements IRule {
  /**
   * Checks a runtime stage built FROM a distroless family of the catalogue; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const root = rootStage(stage);
    const ref = parseRef(root.baseImage.imageRef);
    const family = ref ? distrolessFamily(ref) : undefined;
    if (!family) {
      return RuleResult.notApplicable();
    }
    let asOf: string | undefined;
    try {
      asOf = appOf(stage).asOf;
    } catch {
      asOf = undefined;
    }
    if (!family.isDeprecated(asOf)) {
      return RuleResult.compliant();
    }
    const s = family.support;
    const status = s.status !== 'supported'
      ? `${family.name} is ${s.status}${s.removedOn ? ` (images removed ${s.removedOn})` : ''}${s.endOfLife ? ` (end of life ${s.endOfLife})` : ''}`
      : `${family.name} reaches its end of life on ${s.endOfLife}, before ${asOf}`;
    const replacement = family.replacementFamily() ?? newest(family);
    return RuleResult.nonCompliant([{
      value: `${fromLine(stage)}: ${status}`,
      fix: replacement
        ? `move to ${replacement.name} (RuntimeFamily.${constName(replacement)}): upstream no longer publishes fixes for ${family.name}`
        : `move to a supported family of the catalogue (RuntimeFamily.all()): upstream no longer publishes fixes for ${family.name}`,
    }]);
  }
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
