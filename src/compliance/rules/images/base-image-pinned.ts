import { IConstruct } from 'constructs';
import { isDistroless } from '../../../dockerfile/image-reference-facts';
import { DistrolessTag } from '../../../runtimes';
import { IRule, RuleResult } from '../../rule';
import { pulledImages } from '../../rule-targets';

/**
 * Every image pulled from a registry (a stage's FROM or `COPY --from=<image>`, a foundation service's image) has
 * a version tag other than `latest`, or a digest. Distroless versions live in the repository name
 * (`python3-debian13`), so `:nonroot` pins them. Images of the app are exempt: bake builds them in the same graph.
 */
export class BaseImagePinned implements IRule {
  /**
   * Checks a stage or a foundation service; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const images = pulledImages(construct);
    if (!images) {
      return RuleResult.notApplicable();
    }
    return RuleResult.of(images
      .filter(i => i.ref.digest === undefined && (i.ref.tag === undefined || i.ref.tag === 'latest'))
      .map(i => ({
        value: i.value,
        fix: isDistroless(i.ref)
          ? `use ${i.ref.name}:${DistrolessTag.NONROOT} (its Debian release is in the name), or pin a digest (${i.ref.name}@sha256:...)`
          : `name a version tag (${i.ref.name}:<version>, as in debian:13-slim or redis:8.0) or pin a digest (${i.ref.name}@sha256:...)`,
      })));
  }
}
