import { ComplianceLevel } from './level';
import { IRule } from './rule';
import { duplicateRuleId, invalidRuleId, ruleWithoutEvaluate, ruleWithoutWords } from '../core/errors';

/** Rule ids: upper-case words and digits joined by dashes, e.g. `LUCID-IMG1`. */
const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/**
 * A rule as a pack holds it: the check, with its id, level and words.
 */
export interface PackRule {
  /** A stable id, e.g. `LUCID-USR1`: upper-case letters and digits, in dash-separated parts. */
  readonly id: string;
  /** Whether a finding fails synthesis. */
  readonly level: ComplianceLevel;
  /** One line: what the rule requires. */
  readonly info: string;
  /** Why it matters and how to fix a violation. */
  readonly explanation: string;
  /** The check. */
  readonly rule: IRule;
}

/**
 * A named set of rules that is applied to every construct of an app at synthesis (in the shape of cdk-nag's
 * packs). `LucidStrict` is the pack every app applies by default; a service repo can add its own rules to
 * it, or build a pack of its own.
 */
export class RulePack {
  /** The pack's name, shown in the report. */
  public readonly name: string;
  private readonly byId = new Map<string, PackRule>();

  /**
   * @param name the pack's name
   */
  constructor(name: string) {
    this.name = name;
  }

  /**
   * Adds a rule.
   * @throws Error when the id is malformed or already used in this pack, or the words are empty
   */
  public addRule(rule: PackRule): RulePack {
    if (!RULE_ID.test(rule.id)) {
      throw invalidRuleId(rule.id, this.name);
    }
    if (this.byId.has(rule.id)) {
      throw duplicateRuleId(rule.id, this.name);
    }
    if (rule.info.trim() === '' || rule.explanation.trim() === '') {
      throw ruleWithoutWords(rule.id, this.name);
    }
    if (!rule.rule || typeof rule.rule.evaluate !== 'function') {
      throw ruleWithoutEvaluate(rule.id, this.name);
    }
    this.byId.set(rule.id, Object.freeze({ ...rule }));
    return this;
  }

  /** The rules, in the order they were added. */
  public get rules(): PackRule[] {
    return [...this.byId.values()];
  }

  /** The rule with this id, if the pack has it. */
  public tryFindRule(id: string): PackRule | undefined {
    return this.byId.get(id);
  }
}
