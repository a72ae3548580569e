import { Construct, IConstruct } from 'constructs';
import { ComplianceFinding, ComplianceSuppression } from './finding';
import { ComplianceLevel } from './level';
import { LucidStrict } from './lucid-strict';
import { renderReport, ReportFile, ReportRow, ReportSubject } from './report';
import { RuleOutcome } from './rule';
import { PackRule, RulePack } from './rule-pack';
import { addSuppression, findSuppression, MIN_REASON_LENGTH, ownSuppressions } from './suppressions';
import type { ILucidApp } from '../core/app';
import { DocumentKind, isDocument } from '../core/document';
import { formatProblem, invalidReportFile, ruleReturnedNoResult, suppressionWithoutReason, suppressionWithoutRuleId } from '../core/errors';
import { GeneratedFile, isGeneratedFile } from '../core/generated-file';
import { findAll } from '../core/tree-index';
import { Dockerfile } from '../dockerfile';
import { LucidImage } from '../images/lucid-image';
import { FoundationService } from '../service/foundation-service';

/**
 * Options of an app's compliance checks.
 */
export interface ComplianceOptions {
  /**
   * The rule packs applied to every construct of the app at synthesis.
   * @default [new LucidStrict()]
   */
  readonly packs?: RulePack[];

  /**
   * The file name of the Markdown report, in the app's folder.
   * @default 'COMPLIANCE.md'
   */
  readonly reportFile?: string;
}

/** What the checks found, computed once per synthesis. @internal */
interface Evaluation {
  readonly findings: ComplianceFinding[];
  readonly subjects: ReportSubject[];
  readonly rows: ReportRow[];
  readonly unusedSuppressions: ComplianceSuppression[];
  readonly files: ReportFile[];
}

/**
 * The compliance checks of an app: rule packs applied over the whole construct tree at every synthesis (in
 * the shape of cdk-nag's aspects), suppressions with reasons, and a Markdown report.
 *
 * Error findings stop synthesis, each listed with its construct path, rule id, offending value and fix;
 * warnings are printed. A rule that throws becomes a finding of that rule.
 *
 * Every LucidApp has one, as `app.compliance`.
 */
export class Compliance extends Construct {
  /**
   * Suppresses a rule on a construct and everything under it. The suppression is stored as construct metadata
   * and listed, with its reason, in the report. A suppression that matches no finding is reported as a warning.
   * @param construct the construct (an image, a service, a stage, ...)
   * @param ruleId the rule's id, e.g. `LUCID-PIN2`
   * @param reason why the rule does not apply here: at least 10 characters
   * @throws Error when the reason is shorter than 10 characters or the rule id is empty
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    if (typeof ruleId !== 'string' || ruleId.trim() === '') {
      throw suppressionWithoutRuleId(construct.node.path);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw suppressionWithoutReason(construct.node.path, ruleId, MIN_REASON_LENGTH);
    }
    addSuppression(construct, ruleId, reason.trim());
  }

  /**
   * A finding as one line, as synthesis prints it: `[path] RULE-ID: info Found: value. Fix: fix`.
   */
  public static format(f: ComplianceFinding): string {
    return formatProblem(f.path, `${f.ruleId}: ${f.info} Found: ${f.value}. Fix: ${f.fix}`);
  }

  /** The packs applied. */
  public readonly packs: RulePack[];
  /** The report's path, relative to the project root. */
  public readonly reportPath: string;
  private readonly root: IConstruct;
  private readonly title: string;
  private cached?: Evaluation;

  /**
   * @param scope the LucidApp
   * @param id the construct id
   * @param options its options
   */
  constructor(scope: ILucidApp, id: string, options: ComplianceOptions = {}) {
    super(scope, id);
    this.root = scope;
    this.title = scope.name;
    this.packs = [...(options.packs ?? [new LucidStrict()])];
    const reportFile = options.reportFile ?? 'COMPLIANCE.md';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/.test(reportFile)) {
      throw invalidReportFile(scope.node.path, reportFile);
    }
    this.reportPath = scope.filePath(reportFile);
    new GeneratedFile(this, this.reportPath, {
      render: header => {
        const e = this.evaluation();
        return renderReport(header, {
          title: this.title,
          packs: this.packs,
          subjects: e.subjects,
          rows: e.rows,
          suppressions: this.suppressions(),
          unusedSuppressions: e.unusedSuppressions,
          files: e.files,
        });
      },
    });
  }

  /** Adds a pack to the ones applied. */
  public addPack(pack: RulePack): void {
    this.packs.push(pack);
    this.cached = undefined;
  }

  /** Every finding, suppressed ones included, in tree order then pack order. */
  public findings(): ComplianceFinding[] {
    return this.evaluation(true).findings;
  }

  /** Findings that stop synthesis: errors that no suppression covers. */
  public errors(): ComplianceFinding[] {
    return errorsOf(this.evaluation(true));
  }

  /**
   * Lines to print as warnings: unsuppressed warning findings, and suppressions that match no finding.
   */
  public warnings(): string[] {
    return warningLines(this.evaluation(true));
  }

  /**
   * The errors and warning lines of one evaluation, which the report then reuses: what synthesis needs, with
   * the rules run once.
   * @internal
   */
  public _check(): { errors: ComplianceFinding[]; warnings: ComplianceFinding[]; unusedSuppressions: ComplianceSuppression[] } {
    const e = this.evaluation(true);
    return {
      errors: errorsOf(e),
      warnings: e.findings.filter(f => f.level === ComplianceLevel.WARNING && !f.suppressed),
      unusedSuppressions: e.unusedSuppressions,
    };
  }

  /** Every suppression placed in the app, in tree order. */
  public suppressions(): ComplianceSuppression[] {
    return findAll(this.root).flatMap(c => ownSuppressions(c));
  }

  /**
   * Runs every rule over the tree (once per synthesis; `fresh` recomputes).
   */
  private evaluation(fresh = false): Evaluation {
    if (this.cached && !fresh) {
      return this.cached;
    }
    const findings: ComplianceFinding[] = [];
    const rows = new Map<string, ReportRow>();
    const subjects = new Map<IConstruct, ReportSubject>();
    const used = new Set<string>();
    const constructs = findAll(this.root);

    for (const c of constructs) {
      const subject = subjectOf(c, subjects);
      for (const pack of this.packs) {
        for (const rule of pack.rules) {
          const results = check(rule, c);
          if (results.outcome === RuleOutcome.NOT_APPLICABLE) {
            continue;
          }
          const rowKey = `${subject?.path ?? ''}\u0000${pack.name}\u0000${rule.id}`;
          const row = subject ? rows.get(rowKey) ?? newRow(subject, pack, rule) : undefined;
          if (subject && row) {
            rows.set(rowKey, row);
          }
          if (results.outcome === RuleOutcome.COMPLIANT) {
            continue;
          }
          const suppression = findSuppression(c, rule.id);
          if (suppression) {
            used.add(`${suppression.path}\u0000${suppression.ruleId}`);
          }
          for (const v of results.violations) {
            const finding: ComplianceFinding = {
              ruleId: rule.id,
              pack: pack.name,
              level: rule.level,
              path: c.node.path,
              info: rule.info,
              value: v.value,
              fix: v.fix ?? rule.explanation,
              suppressed: suppression !== undefined,
              suppressionReason: suppression?.reason,
            };
            findings.push(finding);
            row?.findings.push(finding);
          }
        }
      }
    }

    const unusedSuppressions = this.suppressions().filter(s => !used.has(`${s.path}\u0000${s.ruleId}`));
    const files: ReportFile[] = constructs.filter(isGeneratedFile)
      .map(f => ({ path: f.path, subject: judgedAs(f, subjects) }))
      .sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    this.cached = { findings, subjects: [...subjects.values()], rows: [...rows.values()], unusedSuppressions, files };
    return this.cached;
  }
}

/**
 * The subject a generated file is judged under: a compose file or workflow is its own subject, an image's
 * Dockerfile is judged with the image; other files are derived from those models and read by no rule.
 */
function judgedAs(file: GeneratedFile, subjects: Map<IConstruct, ReportSubject>): ReportSubject | undefined {
  if (isDocument(file)) {
    return subjects.get(file);
  }
  const owner = file.node.scope;
  return owner && LucidImage.isLucidImage(owner) && /(^|\/)Dockerfile$/.test(file.path) ? subjects.get(owner) : undefined;
}

function errorsOf(e: Evaluation): ComplianceFinding[] {
  return e.findings.filter(f => f.level === ComplianceLevel.ERROR && !f.suppressed);
}

function warningLines(e: Evaluation): string[] {
  return [
    ...e.findings.filter(f => f.level === ComplianceLevel.WARNING && !f.suppressed).map(Compliance.format),
    ...e.unusedSuppressions.map(s => formatProblem(s.path, unusedSuppressionMessage(s))),
  ];
}

/** What an unused suppression's warning says. @internal */
export function unusedSuppressionMessage(s: ComplianceSuppression): string {
  return `the suppression of ${s.ruleId} matches no finding here or below: remove it (reason given: "${s.reason}")`;
}

function newRow(subject: ReportSubject, pack: RulePack, rule: PackRule): ReportRow {
  return { subject, pack: pack.name, ruleId: rule.id, level: rule.level, info: rule.info, findings: [] };
}

const OUTCOMES: ReadonlySet<string> = new Set(Object.values(RuleOutcome));

/** Runs one rule on one construct; a rule that throws yields a finding of that rule. */
function check(rule: PackRule, c: IConstruct): { outcome: RuleOutcome; violations: { value: string; fix?: string }[] } {
  try {
    const result = rule.rule.evaluate(c);
    if (!result || !OUTCOMES.has(result.outcome)) {
      throw ruleReturnedNoResult();
    }
    return result;
  } catch (e: any) {
    return {
      outcome: RuleOutcome.NON_COMPLIANT,
      violations: [{
        value: `the rule failed on this construct (${String(e?.message ?? e).split('\n')[0]})`,
        fix: `fix the rule ${rule.id}, or suppress it here with Compliance.suppress() and a reason`,
      }],
    };
  }
}

/**
 * What the report lists a construct under: the image or foundation service it belongs to, a Dockerfile outside
 * any image, or the compose file or workflow it is. Constructs that belong to none (the app itself, its files) are checked, but have no row.
 */
function subjectOf(c: IConstruct, cache: Map<IConstruct, ReportSubject>): ReportSubject | undefined {
  if (isDocument(c) && c.documentKind !== DocumentKind.DOCKERFILE) {
    let subject = cache.get(c);
    if (!subject) {
      const kind = c.documentKind === DocumentKind.COMPOSE ? 'compose file' : 'workflow';
      subject = { path: c.node.path, name: c.documentPath, kind: c.generated ? kind : `${kind}, kept by hand` };
      cache.set(c, subject);
    }
    return subject;
  }
  const scopes = c.node.scopes;
  let owner: IConstruct | undefined;
  let kind = '';
  for (const s of scopes) {
    if (isDocument(s, DocumentKind.DOCKERFILE)) {
      owner = s;
      kind = 'Dockerfile, kept by hand';
      break;
    }
    if (LucidImage.isLucidImage(s)) {
      owner = s;
      kind = s.kind === 'base' ? 'base image' : 'service';
      break;
    }
    if (FoundationService.isFoundationService(s)) {
      owner = s;
      kind = 'foundation service';
      break;
    }
  }
  if (!owner) {
    owner = scopes.find(Dockerfile.isDockerfile);
    kind = 'Dockerfile';
  }
  if (!owner) {
    return undefined;
  }
  let subject = cache.get(owner);
  if (!subject) {
    subject = { path: owner.node.path, name: isDocument(owner) ? owner.documentPath : owner.node.id, kind };
    cache.set(owner, subject);
  }
  return subject;
}
