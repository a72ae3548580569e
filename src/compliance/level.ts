/**
 * How much a compliance finding weighs.
 */
export enum ComplianceLevel {
  /** Synthesis fails until the finding is fixed or suppressed with a reason. */
  ERROR = 'error',
  /** Printed at synthesis and listed in the report; synthesis goes on. */
  WARNING = 'warning',
}
