import { ComplianceFinding, ComplianceSuppression } from './finding';
import { ComplianceLevel } from './level';
import { RulePack } from './rule-pack';
import { markdownCode, markdownComment, markdownText } from '../core/markdown';

/** An image, foundation service or bare Dockerfile the report has a section for. @internal */
export interface ReportSubject {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
}

/** The findings of one rule on one subject (a rule that applies to it). @internal */
export interface ReportRow {
  readonly subject: ReportSubject;
  readonly pack: string;
  readonly ruleId: string;
  readonly level: ComplianceLevel;
  readonly info: string;
  readonly findings: ComplianceFinding[];
}

/** What the report is built from. @internal */
export interface ReportInput {
  readonly title: string;
  readonly packs: RulePack[];
  readonly subjects: ReportSubject[];
  readonly rows: ReportRow[];
  readonly suppressions: ComplianceSuppression[];
  readonly unusedSuppressions: ComplianceSuppression[];
  /** Every file the app writes, and the subject it is judged under (none: no rule reads its language). */
  readonly files: ReportFile[];
}

/** A file the app writes, as the report lists it. @internal */
export interface ReportFile {
  readonly path: string;
  readonly subject?: ReportSubject;
}

type Result = 'pass' | 'fail' | 'warning' | 'suppressed' | 'n/a';

/**
 * The Markdown compliance report: a summary per subject, the rules, then every rule's result for every
 * subject (pass, fail, suppressed with its reason, or not applicable), then the suppressions.
 * @internal
 */
export function renderReport(header: string[], input: ReportInput): string {
  const out: string[] = [];
  for (const h of header) {
    out.push(markdownComment(h));
  }
  out.push(`# Compliance report: ${text(input.title)}`, '');
  const ruleCount = input.packs.reduce((n, p) => n + p.rules.length, 0);
  out.push(`Every image, service, compose file and workflow of the stack, checked at synthesis against ${ruleCount} rules of ${input.packs.map(p => p.name).join(', ')}. `
    + 'Errors stop synthesis; warnings are printed. A result is *pass*, *fail* (an error), *warning*, *suppressed* '
    + '(with the reason given) or *n/a* (the rule does not check this kind of image or file).', '');

  const rowsBySubject = new Map<string, Map<string, ReportRow>>();
  for (const row of input.rows) {
    const m = rowsBySubject.get(row.subject.path) ?? new Map<string, ReportRow>();
    m.set(`${row.pack}\u0000${row.ruleId}`, row);
    rowsBySubject.set(row.subject.path, m);
  }
  const allRules = input.packs.flatMap(p => p.rules.map(r => ({ pack: p.name, rule: r })));

  out.push('## Summary', '', '| image, service or file | kind | pass | fail | warning | suppressed | n/a |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of input.subjects) {
    const counts: { [k in Result]: number } = { 'pass': 0, 'fail': 0, 'warning': 0, 'suppressed': 0, 'n/a': 0 };
    for (const r of allRules) {
      counts[resultOf(rowsBySubject.get(s.path)?.get(`${r.pack}\u0000${r.rule.id}`))]++;
    }
    out.push(`| ${code(s.name)} | ${text(s.kind)} | ${counts.pass} | ${counts.fail} | ${counts.warning} | ${counts.suppressed} | ${counts['n/a']} |`);
  }
  out.push('');

  out.push('## Rules', '', '| rule | level | requires |', '| --- | --- | --- |');
  for (const r of allRules) {
    out.push(`| ${code(r.rule.id)} | ${r.rule.level} | ${text(r.rule.info)} |`);
  }
  out.push('');

  for (const s of input.subjects) {
    out.push(`## ${text(s.name)}`, '', `${text(s.kind)}, construct ${markdownCode(relative(s.path), false)}`, '', '| rule | level | result | details |', '| --- | --- | --- | --- |');
    for (const r of allRules) {
      const row = rowsBySubject.get(s.path)?.get(`${r.pack}\u0000${r.rule.id}`);
      out.push(`| ${code(r.rule.id)} | ${r.rule.level} | ${resultOf(row)} | ${details(row)} |`);
    }
    out.push('');
  }

  out.push('## Files', '', 'Every file the app writes. Dockerfiles are judged with their image, compose files and workflows as '
    + 'files; the other files are derived from the same models and read by no rule.', '', '| file | judged as |', '| --- | --- |');
  for (const f of input.files) {
    out.push(`| ${code(f.path)} | ${f.subject ? `${text(f.subject.kind)} ${code(f.subject.name)}` : 'not judged'} |`);
  }
  out.push('');

  out.push('## Suppressions', '');
  if (input.suppressions.length === 0) {
    out.push('None.', '');
  } else {
    out.push('| construct | rule | reason | matches a finding |', '| --- | --- | --- | --- |');
    for (const sup of input.suppressions) {
      const unused = input.unusedSuppressions.some(u => u.path === sup.path && u.ruleId === sup.ruleId);
      out.push(`| ${code(relative(sup.path))} | ${code(sup.ruleId)} | ${text(sup.reason)} | ${unused ? 'no (warning: remove it)' : 'yes'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * A construct path without its first part, the projen project, whose id holds the project's folder: the
 * report must read the same on every machine.
 */
function relative(p: string): string {
  const i = p.indexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

function resultOf(row: ReportRow | undefined): Result {
  if (!row) {
    return 'n/a';
  }
  if (row.findings.length === 0) {
    return 'pass';
  }
  if (row.findings.every(f => f.suppressed)) {
    return 'suppressed';
  }
  return row.level === ComplianceLevel.ERROR ? 'fail' : 'warning';
}

function details(row: ReportRow | undefined): string {
  if (!row || row.findings.length === 0) {
    return '';
  }
  return row.findings.map(f => f.suppressed
    ? `${text(f.value)} (suppressed: ${text(f.suppressionReason ?? '')})`
    : `${text(f.value)}; fix: ${text(f.fix)}`).join('<br>');
}

/** User text in a table cell or heading, shown exactly as written (see core/markdown). */
function text(s: string): string {
  return markdownText(s);
}

/** A code span in a table cell, holding exactly `s`. */
function code(s: string): string {
  return markdownCode(s, true);
}
