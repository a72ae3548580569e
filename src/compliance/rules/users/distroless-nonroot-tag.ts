import { IConstruct } from 'constructs';
import { isDistroless, parseRef } from '../../../dockerfile/image-reference-facts';
import { rootStage } from '../../../images/stage-inheritance';
import { DistrolessTag } from '../../../runtimes';
import { fromLine } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/**
 * A runtime (final) stage built FROM a distroless image uses its `:nonroot` tag, or a digest (with the `:nonroot`
 * tag or no tag at all). `:latest` and no tag run as root; the debug tags, which add a shell, are LUCID-IMG1's.
 */
export class DistrolessNonrootTag implements IRule {
  /**
   * Checks a runtime stage built FROM a distroless image; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    const ref = stage ? parseRef(rootStage(stage).baseImage.imageRef) : undefined;
    if (!stage || !ref || !isDistroless(ref)) {
      return RuleResult.notApplicable();
    }
    if (ref.tag === DistrolessTag.NONROOT || (ref.digest !== undefined && ref.tag === undefined)) {
      return RuleResult.compliant();
    }
    const nonroot = `${ref.name}:${DistrolessTag.NONROOT}`;
    return RuleResult.nonCompliant([{
      value: fromLine(stage),
      fix: ref.tag === undefined || ref.tag === DistrolessTag.LATEST
        ? `use ${nonroot}${ref.digest ? ' with the digest of that tag' : ''}: without it the image runs as root (uid 0)`
        : `use ${nonroot}${ref.digest ? ' with the digest of that tag' : ''}, the production variant that runs as uid 65532`,
    }]);
  }
}
