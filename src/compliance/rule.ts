import { IConstruct } from 'constructs';
import { nonCompliantWithoutViolations } from '../core/errors';

/**
 * What a rule concluded about one construct.
 */
export enum RuleOutcome {
  /** The construct is of the kind the rule checks, and it complies. */
  COMPLIANT = 'compliant',
  /** The construct is of the kind the rule checks, and it does not comply. */
  NON_COMPLIANT = 'non-compliant',
  /** The rule does not check this kind of construct. */
  NOT_APPLICABLE = 'not-applicable',
}

/**
 * One thing wrong with a construct, as a rule reports it.
 */
export interface ComplianceViolation {
  /** The offending value, as written (an image reference, an ENV line, a label, ...). */
  readonly value: string;
  /**
   * What to do about this value in particular.
   * @default - the explanation the rule pack gives for the rule
   */
  readonly fix?: string;
}

/**
 * The result of checking one construct with one rule.
 */
export class RuleResult {
  /** The construct complies. */
  public static compliant(): RuleResult {
    return new RuleResult(RuleOutcome.COMPLIANT, []);
  }

  /** The rule does not check this kind of construct. */
  public static notApplicable(): RuleResult {
    return new RuleResult(RuleOutcome.NOT_APPLICABLE, []);
  }

  /** The construct does not comply, for each of these reasons. At least one violation is required. */
  public static nonCompliant(violations: ComplianceViolation[]): RuleResult {
    if (violations.length === 0) {
      throw nonCompliantWithoutViolations();
    }
    return new RuleResult(RuleOutcome.NON_COMPLIANT, violations);
  }

  /** Compliant when `violations` is empty, non-compliant with them otherwise. */
  public static of(violations: ComplianceViolation[]): RuleResult {
    return violations.length === 0 ? RuleResult.compliant() : RuleResult.nonCompliant(violations);
  }

  /** What the rule concluded. */
  public readonly outcome: RuleOutcome;
  /** Why the construct does not comply (empty unless non-compliant). */
  public readonly violations: ComplianceViolation[];

  private constructor(outcome: RuleOutcome, violations: ComplianceViolation[]) {
    this.outcome = outcome;
    this.violations = violations.map(v => Object.freeze({ ...v }));
  }
}

/**
 * A compliance rule: a pure check of one construct. The rule pack that holds it gives it an id, a level, a
 * one-line info and an explanation with the fix.
 *
 * Every construct of an app is offered to every rule; a rule returns `RuleResult.notApplicable()` for
 * constructs it does not check. A rule that throws is reported as a finding of that rule, never as a crash.
 *
 * Services can write their own rules in their own repository and add them to a pack with `RulePack.addRule()`.
 */
export interface IRule {
  /**
   * Checks one construct.
   * @param construct any construct of the app
   */
  evaluate(construct: IConstruct): RuleResult;
}
