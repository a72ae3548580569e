import { IConstruct } from 'constructs';
import { asOfOf, familyReplacement, familySubject } from './runtime-family-facts';
import { IRule, RuleResult } from '../../rule';

/**
 * The distroless family the runtime stage is built FROM is still published upstream: not one of the removed
 * debian12 language families (python3, java17, nodejs20), whose images no longer exist, so nothing built on
 * them can be pulled or rebuilt. Stages built on an image of the app are judged in that image's own Dockerfile.
 * A family that is only deprecated or past its end of life is `RuntimeFamilySupported`'s concern.
 */
export class RuntimeFamilyPublished implements IRule {
  /**
   * Checks a runtime stage built FROM a distroless family of the catalogue; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const subject = familySubject(construct);
    if (!subject) {
      return RuleResult.notApplicable();
    }
    const { family, from } = subject;
    if (!family.isRemoved(asOfOf(construct))) {
      return RuleResult.compliant();
    }
    const removed = family.support.removedOn ? ` on ${family.support.removedOn}` : '';
    return RuleResult.nonCompliant([{
      value: `${from}: ${family.name} was removed upstream${removed}, so the image no longer exists`,
      fix: `${familyReplacement(family)}, or suppress LUCID-IMG7 with a reason where a mirror of the last image is kept`,
    }]);
  }
}
