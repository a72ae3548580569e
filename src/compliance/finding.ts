import { ComplianceLevel } from './level';

/**
 * One violation of one rule by one construct.
 */
export interface ComplianceFinding {
  /** The rule's id, e.g. `LUCID-USR1`. */
  readonly ruleId: string;
  /** The name of the pack the rule belongs to. */
  readonly pack: string;
  /** The rule's level. */
  readonly level: ComplianceLevel;
  /** The path of the construct that violates the rule. */
  readonly path: string;
  /** What the rule requires (its one-line info). */
  readonly info: string;
  /** The offending value. */
  readonly value: string;
  /** How to fix it. */
  readonly fix: string;
  /** Whether a suppression on the construct or one of its scopes covers this finding. */
  readonly suppressed: boolean;
  /**
   * The reason given with the suppression.
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
}

/**
 * A suppression of a rule on a construct and everything under it.
 */
export interface ComplianceSuppression {
  /** The path of the construct the suppression was placed on. */
  readonly path: string;
  /** The rule suppressed. */
  readonly ruleId: string;
  /** Why the rule does not apply here (at least 10 characters). */
  readonly reason: string;
}
