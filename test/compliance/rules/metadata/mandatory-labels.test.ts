import { defineLucidStack } from '../../../../examples/lucid/stack';
import { Layer, Stage, Testing } from '../../../../src';
import { legacyRuntime, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-LBL1';

function addLabels(stage: Stage, labels: { [key: string]: string }): void {
  for (const [k, v] of Object.entries(labels)) {
    stage.addLabel(k, v);
  }
}

const VALID = {
  'maintainer': 'Lucid Development Team',
  'version': '1.0.0',
  'description': 'Lucid session recorder',
  'org.lucid.plane': 'ops',
  'org.lucid.layer': '1',
  'org.lucid.service': 'session-recorder',
  'org.lucid.expose': '8080',
};

describe('MandatoryLabels (LUCID-LBL1)', () => {
  test('Noncompliance 1: a Dockerfile with no label at all is one finding listing every missing label', () => {
    // GIVEN the seed 004 template's runtime stage, which has no LABEL
    const app = Testing.app();
    const runtime = legacyRuntime(app);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime),
      'no "maintainer", "version", "description", "org.lucid.plane", "org.lucid.layer", "org.lucid.service", "org.lucid.expose" labels']]);
    expect(findings[0].fix).toContain('LABEL org.lucid.plane="ops"');
  });

  test('Noncompliance 2: each invalid value is a finding of its own, and an empty label counts as missing', () => {
    // GIVEN the standard's placeholders copied as values
    const app = Testing.app();
    const runtime = legacyRuntime(app);
    addLabels(runtime, {
      ...VALID,
      'version': '',
      'org.lucid.plane': 'ops|chain|gui',
      'org.lucid.layer': '0|1|2|3',
      'org.lucid.service': 'service name',
      'org.lucid.expose': 'port-number',
    });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'no "version" label'],
      [pathOf(runtime), 'LABEL org.lucid.plane="ops|chain|gui"'],
      [pathOf(runtime), 'LABEL org.lucid.layer="0|1|2|3"'],
      [pathOf(runtime), 'LABEL org.lucid.service="service name"'],
      [pathOf(runtime), 'LABEL org.lucid.expose="port-number"'],
    ]);
    expect(findings[1].fix).toBe('name exactly one plane: ops, chain, gui, wallet');
  });

  test('Noncompliance 3: a ports list out of range', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app);
    addLabels(runtime, { ...VALID, 'org.lucid.expose': '8080,70000' });

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'LABEL org.lucid.expose="8080,70000"']]);
  });

  test('Noncompliance 4: a LucidService whose org.lucid.service label is not its service name', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'auth', { layer: Layer.SESSION_PIPELINE, port: 8081 });
    svc.runtimeStage.addLabel('org.lucid.service', 'authentication');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(svc.runtimeStage), 'LABEL org.lucid.service="authentication"']]);
    expect(findings[0].fix).toContain('"auth"');
  });

  test('Noncompliance 5: a base image with an empty description', () => {
    // GIVEN
    const app = Testing.app();
    const base = pythonBase(app, { description: '' });

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([[pathOf(base.runtimeStage), 'no "description" label']]);
  });

  test('Compliance: a Dockerfile with every label valid, exposing a list of ports', () => {
    // GIVEN
    const app = Testing.app();
    addLabels(legacyRuntime(app), { ...VALID, 'org.lucid.plane': 'wallet', 'org.lucid.layer': '3', 'org.lucid.expose': '8080, 9090' });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: labels inherited from a base image of the app count', () => {
    // GIVEN a Dockerfile built FROM the app's Python base, which sets maintainer, version and description
    const app = Testing.app();
    const base = pythonBase(app);
    const runtime = legacyRuntime(app, base.imageRef);
    addLabels(runtime, { 'org.lucid.plane': 'ops', 'org.lucid.layer': '1', 'org.lucid.service': 'recorder', 'org.lucid.expose': '8080' });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a base image needs no service labels, and builder stages are not checked', () => {
    // GIVEN
    const app = Testing.app();
    pythonBase(app);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
