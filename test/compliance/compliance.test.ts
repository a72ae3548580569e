import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { seed004PythonTemplate } from './fixtures/seed-004';
import { findingsOf } from './util';
import {
  Compliance, ComplianceLevel, IRule, Layer, LucidService, LucidStrict, Plane, RuleOutcome, RulePack, RuleResult,
  ServiceRuntime, Testing,
} from '../../src';
import { referenceApp } from '../util/reference-stack';

/** A consumer's own rule: services of the gui plane listen on 8443. */
class GuiListensOn8443 implements IRule {
  public evaluate(c: IConstruct): RuleResult {
    if (!LucidService.isLucidService(c) || c.plane !== Plane.GUI) {
      return RuleResult.notApplicable();
    }
    return c.port === 8443 ? RuleResult.compliant() : RuleResult.nonCompliant([{ value: `port ${c.port}`, fix: 'listen on 8443' }]);
  }
}

class Throws implements IRule {
  public evaluate(c: IConstruct): RuleResult {
    if (LucidService.isLucidService(c)) {
      throw new Error('cannot read this service');
    }
    return RuleResult.notApplicable();
  }
}

function service(app: ReturnType<typeof Testing.app>, id: string, port = 8080, plane = Plane.GUI): LucidService {
  return new LucidService(app, id, {
    plane,
    layer: Layer.ADVANCED,
    description: id,
    directory: `apps/${id}`,
    port,
    runtime: ServiceRuntime.nodejs(),
  });
}

function ownPack(): RulePack {
  return new RulePack('ACME').addRule({
    id: 'ACME-GUI1',
    level: ComplianceLevel.ERROR,
    info: 'GUI services listen on 8443.',
    explanation: 'The edge proxy forwards only 8443 to the gui plane: set port 8443.',
    rule: new GuiListensOn8443(),
  });
}

describe('the LUCID-STRICT pack', () => {
  test('has these rule ids, at these levels', () => {
    expect(new LucidStrict().rules.map(r => `${r.id} ${r.level}`)).toEqual([
      'LUCID-IMG1 error',
      'LUCID-IMG2 error',
      'LUCID-IMG3 error',
      'LUCID-IMG4 error',
      'LUCID-IMG5 warning',
      'LUCID-IMG6 error',
      'LUCID-IMG7 error',
      'LUCID-IMG8 warning',
      'LUCID-USR1 error',
      'LUCID-USR2 error',
      'LUCID-USR3 error',
      'LUCID-CTX1 error',
      'LUCID-CTX2 warning',
      'LUCID-LBL1 error',
      'LUCID-NET1 error',
      'LUCID-HC1 error',
      'LUCID-HC2 error',
      'LUCID-SEC1 error',
      'LUCID-PATH1 error',
      'LUCID-PATH2 error',
      'LUCID-PATH3 error',
      'LUCID-PATH4 error',
      'LUCID-LYR1 error',
      'LUCID-CMP1 error',
      'LUCID-CMP2 error',
      'LUCID-CMP3 error',
      'LUCID-CMP4 error',
      'LUCID-CMP5 error',
      'LUCID-CMP6 error',
      'LUCID-WF1 error',
      'LUCID-WF2 error',
      'LUCID-WF3 error',
      'LUCID-WF4 error',
      'LUCID-WF5 error',
      'LUCID-WF6 error',
      'LUCID-WF7 error',
    ]);
  });

  test('gives every rule a one-line info and an explanation with the fix', () => {
    for (const r of new LucidStrict().rules) {
      expect(r.info).not.toContain('\n');
      expect(r.info.length).toBeGreaterThan(20);
      expect(r.explanation.length).toBeGreaterThan(r.info.length);
    }
  });

  test('is applied to every app by default', () => {
    expect(Testing.app().compliance.packs.map(p => p.name)).toEqual(['LUCID-STRICT']);
  });

  test('passes the reference stack with zero errors and no suppressions', () => {
    const app = referenceApp();
    expect(app.compliance.errors().map(Compliance.format)).toEqual([]);
    expect(app.compliance.suppressions()).toEqual([]);
  });
});

describe('a rule pack', () => {
  test('refuses a malformed or duplicate rule id', () => {
    const rule = { level: ComplianceLevel.ERROR, info: 'a rule', explanation: 'how to fix it', rule: new GuiListensOn8443() };
    expect(() => new RulePack('X').addRule({ id: 'lucid-1', ...rule })).toThrow(/rule id "lucid-1" of pack X is invalid/);
    expect(() => ownPack().addRule({ id: 'ACME-GUI1', ...rule })).toThrow(/already has a rule "ACME-GUI1"/);
  });

  test('takes a rule a service repo wrote, and reports it with path, id, value and fix', () => {
    // GIVEN an app with LUCID-STRICT and the repo's own rule added to it
    const strict = new LucidStrict().addRule({
      id: 'ACME-GUI1', level: ComplianceLevel.ERROR, info: 'GUI services listen on 8443.', explanation: 'set port 8443', rule: new GuiListensOn8443(),
    });
    const app = Testing.app({ compliance: { packs: [strict] } });
    const ui = service(app, 'ui', 8080);
    service(app, 'ok', 8443);

    // WHEN
    const findings = findingsOf(app, 'ACME-GUI1');

    // THEN
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'ACME-GUI1', pack: 'LUCID-STRICT', path: ui.node.path, value: 'port 8080', fix: 'listen on 8443', suppressed: false,
    })]);
    expect(Compliance.format(findings[0])).toBe(`[${ui.node.path}] ACME-GUI1: GUI services listen on 8443. Found: port 8080. Fix: listen on 8443`);
  });

  test('turns a rule that throws into a finding of that rule, not a crash', () => {
    const app = Testing.app({
      compliance: { packs: [new RulePack('T').addRule({ id: 'T-1', level: ComplianceLevel.ERROR, info: 'never throws', explanation: 'fix the rule', rule: new Throws() })] },
    });
    const ui = service(app, 'ui');
    const [finding] = findingsOf(app, 'T-1');
    expect(finding.path).toBe(ui.node.path);
    expect(finding.value).toContain('cannot read this service');
  });

  test('can be added to an app after it is created', () => {
    const app = Testing.app();
    app.compliance.addPack(ownPack());
    const ui = service(app, 'ui', 8080);
    expect(findingsOf(app, 'ACME-GUI1').map(f => f.path)).toEqual([ui.node.path]);
  });

  test('RuleResult.nonCompliant needs a violation', () => {
    expect(() => RuleResult.nonCompliant([])).toThrow(/at least one violation/);
    expect(RuleResult.of([]).outcome).toBe(RuleOutcome.COMPLIANT);
  });
});

describe('suppressions', () => {
  test('need a reason of at least 10 characters', () => {
    const app = Testing.app();
    const ui = service(app, 'ui');
    expect(() => Compliance.suppress(ui, 'LUCID-IMG5', 'because')).toThrow(`[${ui.node.path}] the suppression of LUCID-IMG5 needs a reason of at least 10 characters`);
    expect(() => Compliance.suppress(ui, '', 'a long enough reason')).toThrow(/needs the id of the rule/);
  });

  test('cover the construct and everything under it, and are listed with their reason', () => {
    // GIVEN a service that breaks the repo's rule, suppressed on the service
    const app = Testing.app({ compliance: { packs: [ownPack()] } });
    const ui = service(app, 'ui', 8080);
    Compliance.suppress(app as unknown as IConstruct, 'ACME-GUI1', 'the whole stack sits behind the lab proxy');

    // WHEN
    const [finding] = findingsOf(app, 'ACME-GUI1');

    // THEN
    expect(finding).toEqual(expect.objectContaining({ path: ui.node.path, suppressed: true, suppressionReason: 'the whole stack sits behind the lab proxy' }));
    expect(app.compliance.errors()).toEqual([]);
    expect(app.compliance.suppressions()).toEqual([{ path: app.node.path, ruleId: 'ACME-GUI1', reason: 'the whole stack sits behind the lab proxy' }]);
  });

  test('let synthesis go on, and appear in the report', () => {
    const app = Testing.app({ compliance: { packs: [ownPack()] } });
    const ui = service(app, 'ui', 8080);
    Compliance.suppress(ui, 'ACME-GUI1', 'the admin UI is reached through the VPN only');
    const files = Testing.synth(app);
    const report = files['COMPLIANCE.md'];
    expect(report).toContain('| `ACME-GUI1` | error | suppressed | port 8080 (suppressed: the admin UI is reached through the VPN only) |');
    expect(report).toContain('| `Lucid/ui` | `ACME-GUI1` | the admin UI is reached through the VPN only | yes |');
  });

  test('that match no finding are reported as warnings', () => {
    const app = Testing.app({ compliance: { packs: [ownPack()] } });
    const ui = service(app, 'ui', 8443);
    Compliance.suppress(ui, 'ACME-GUI1', 'kept from an older port setting');
    expect(app.compliance.warnings()).toEqual([
      `[${ui.node.path}] the suppression of ACME-GUI1 matches no finding here or below: remove it (reason given: "kept from an older port setting")`,
    ]);
  });

  test('of one rule do not hide another', () => {
    const app = Testing.app();
    const df = seed004PythonTemplate(app);
    Compliance.suppress(df, 'LUCID-SEC1', 'a throwaway lab database without data');
    expect(app.compliance.errors().map(f => f.ruleId)).not.toContain('LUCID-SEC1');
    expect(app.compliance.errors().map(f => f.ruleId)).toContain('LUCID-USR1');
  });
});

describe('the report', () => {
  const app = Testing.app({ compliance: { packs: [ownPack()], reportFile: 'compliance-report.md' } });
  service(app, 'ui', 8443);
  service(app, 'api', 8080, Plane.OPS);
  const report = Testing.synth(app)['compliance-report.md'];

  test('has a row per image and service, and a section per image with every rule', () => {
    expect(report).toContain('| `ui` | service | 1 | 0 | 0 | 0 | 0 |');
    expect(report).toContain('| `api` | service | 0 | 0 | 0 | 0 | 1 |');
    expect(report).toMatch(/## ui\n\nservice, construct `Lucid\/ui`\n\n\| rule \| level \| result \| details \|\n\| --- \| --- \| --- \| --- \|\n\| `ACME-GUI1` \| error \| pass \| {2}\|/);
    expect(report).toMatch(/## api\n[\s\S]*\| `ACME-GUI1` \| error \| n\/a \| {2}\|/);
    expect(report).toContain('## Suppressions\n\nNone.');
  });

  test('is written into the app folder under its file name', () => {
    expect(fs.existsSync(path.join(app.project.outdir, 'compliance-report.md'))).toBe(true);
  });

  test('refuses a file name that is not a Markdown file in the app folder', () => {
    expect(() => Testing.app({ compliance: { reportFile: '../x.md' } })).toThrow(/reportFile "..\/x.md" must be a file name ending in .md/);
  });
});
