import * as fs from 'fs';
import * as path from 'path';
import { seed004PythonTemplate } from './fixtures/seed-004';
import { ComplianceLevel, Testing } from '../../src';

describe('the seed 004 Python template, as written', () => {
  // GIVEN the template of Lucid's standard, in an app
  const app = Testing.app();
  const df = seed004PythonTemplate(app);
  const runtime = `${df.node.path}/runtime`;

  test('is a valid Dockerfile: only the compliance rules reject it', () => {
    expect(app.validate()).toEqual([]);
  });

  test('is rejected with one error finding per defect, each on the construct at fault', () => {
    // WHEN
    const errors = app.compliance.errors().map(f => [f.ruleId, f.path]);

    // THEN
    expect(errors.sort()).toEqual([
      // the template has no LABEL at all
      ['LUCID-LBL1', runtime],
      // ... and is a bare Dockerfile, with no size budget for CI to check
      ['LUCID-IMG6', df.node.path],
      // HEALTHCHECK with requests, and no status check
      ['LUCID-HC2', runtime],
      // PYTHONPATH names python3.12 in a 3.11 runtime
      ['LUCID-PATH1', runtime],
      // /usr/local/lib/python3.11, /usr/local/bin/python3.11 and uvicorn copied into distroless python
      ['LUCID-PATH2', runtime],
      // MONGODB_URL=mongodb://lucid:lucid@...
      ['LUCID-SEC1', runtime],
      // USER service_user
      ['LUCID-USR1', runtime],
      // /etc/passwd and /etc/group copied from the builder
      ['LUCID-USR3', runtime],
      // FROM gcr.io/distroless/python3-debian12:nonroot, removed upstream on 2026-05-12
      ['LUCID-IMG7', runtime],
    ].sort());
  });

  test('every finding names the offending value and a fix', () => {
    const byRule = new Map(app.compliance.errors().map(f => [f.ruleId, f]));
    expect(byRule.get('LUCID-PATH1')!.value).toContain('python3.12');
    expect(byRule.get('LUCID-PATH2')!.value).toContain('/usr/local/lib/python3.11');
    expect(byRule.get('LUCID-SEC1')!.value).toContain('MONGODB_URL');
    expect(byRule.get('LUCID-SEC1')!.fix).toMatch(/ServiceSecret|secrets/);
    expect(byRule.get('LUCID-USR1')!.value).toContain('service_user');
    expect(byRule.get('LUCID-USR1')!.fix).toContain('65532');
    expect(byRule.get('LUCID-USR3')!.value).toContain('/etc/passwd');
    expect(byRule.get('LUCID-HC2')!.value).toContain('requests');
    expect(byRule.get('LUCID-IMG7')!.fix).toContain('python3-debian13');
    for (const f of app.compliance.errors()) {
      expect(f.level).toBe(ComplianceLevel.ERROR);
      expect(f.fix.length).toBeGreaterThan(20);
    }
  });

  test('stops synthesis with every finding listed, and writes nothing', () => {
    // WHEN
    let error: any;
    try {
      Testing.synth(app);
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error?.name).toBe('SynthesisError');
    expect(error.problems).toHaveLength(9);
    for (const id of ['LUCID-LBL1', 'LUCID-HC2', 'LUCID-PATH1', 'LUCID-PATH2', 'LUCID-SEC1', 'LUCID-USR1', 'LUCID-USR3', 'LUCID-IMG6', 'LUCID-IMG7']) {
      expect(error.message).toContain(id);
    }
    expect(error.message).toContain(`[${runtime}] LUCID-USR1:`);
    expect(fs.existsSync(path.join(app.project.outdir, 'COMPLIANCE.md'))).toBe(false);
    expect(fs.existsSync(path.join(app.project.outdir, 'docker-bake.hcl'))).toBe(false);
  });
});
