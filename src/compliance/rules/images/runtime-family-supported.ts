import { IConstruct } from 'constructs';
import { asOfOf, familyReplacement, familySubject } from './runtime-family-facts';
import { IRule, RuleResult } from '../../rule';

/**
 * The distroless family the runtime stage is built FROM is not deprecated (the debian12 base, cc and static
 * families, still published until their end of life) and, when the app sets `asOf`, not past its end of life on
 * that date. A removed family is `RuntimeFamilyPublished`'s concern, not this rule's. Stages built on an image
 * of the app are judged in that image's own Dockerfile, so each family is reported once.
 */
export class RuntimeFamilySupported implements IRule {
  /**
   * Checks a runtime stage built FROM a distroless family of the catalogue that upstream still publishes; not
   * applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const subject = familySubject(construct);
    const asOf = asOfOf(construct);
    if (!subject || subject.family.isRemoved(asOf)) {
      return RuleResult.notApplicable();
    }
    const { family, from } = subject;
    if (!family.isDeprecated(asOf)) {
      return RuleResult.compliant();
    }
    const s = family.support;
    const status = s.status !== 'supported'
      ? `${family.name} is ${s.status}${s.endOfLife ? ` (end of life ${s.endOfLife})` : ''}`
      : `${family.name} reaches its end of life on ${s.endOfLife}, before ${asOf}`;
    return RuleResult.nonCompliant([{
      value: `${from}: ${status}`,
      fix: `${familyReplacement(family)}: upstream stops publishing fixes for ${family.name}`,
    }]);
  }
}
