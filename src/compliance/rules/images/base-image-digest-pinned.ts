import { IConstruct } from 'constructs';
import { tryAppOf } from '../../../core/app-of';
import { PIN_TASK } from '../../../core/image-lock';
import { IRule, RuleResult } from '../../rule';
import { pulledImages } from '../../rule-targets';

/**
 * Every image pulled from a registry (a stage's FROM or `COPY --from=<image>`, a foundation service's image) is
 * pinned by digest, not only by tag, either where it is written or by the app's image lock. Images of the app are
 * exempt: bake builds them in the same graph.
 */
export class BaseImageDigestPinned implements IRule {
  /**
   * Checks a stage or a foundation service; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const images = pulledImages(construct);
    if (!images) {
      return RuleResult.notApplicable();
    }
    const locked = tryAppOf(construct)?.imageLock !== undefined;
    return RuleResult.of(images
      .filter(i => i.ref.digest === undefined)
      .map(i => ({
        value: i.value,
        fix: locked
          ? `it is not in the app's image lock: run \`${PIN_TASK}\`, which adds ${i.written} with its index digest (\`docker buildx imagetools inspect ${i.written}\`)`
          : `pin it as ${i.written}@sha256:<digest> (\`docker buildx imagetools inspect ${i.written}\` prints the index digest)`,
      })));
  }
}
