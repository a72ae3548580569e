import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Compliance, RuntimeFamily, ServiceRuntime, Testing } from '../../../../src';
import { DISTROLESS_PYTHON, DISTROLESS_PYTHON_DEBIAN12, legacyDockerfile, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG7';

describe('RuntimeFamilyPublished (LUCID-IMG7)', () => {
  test('is an error: a removed family cannot be pulled', () => {
    // GIVEN / WHEN
    const app = Testing.app();
    const rule = app.compliance.packs.flatMap(p => p.rules).find(r => r.id === RULE)!;

    // THEN
    expect(rule.level).toBe('error');
    expect(rule.info).toBe('The distroless family of the runtime is still published upstream (not removed), so its image exists.');
  });

  test.each([
    ['python3-debian12', RuntimeFamily.PYTHON3_DEBIAN12, ServiceRuntime.python, '2026-05-12', 'python3-debian13 (RuntimeFamily.PYTHON3_DEBIAN13)'],
    ['nodejs20-debian12', RuntimeFamily.NODEJS20_DEBIAN12, ServiceRuntime.nodejs, '2026-02-27', 'nodejs22-debian13 (RuntimeFamily.NODEJS22_DEBIAN13)'],
    ['java17-debian12', RuntimeFamily.JAVA17_DEBIAN12, ServiceRuntime.java, '2026-02-27', 'java17-debian13 (RuntimeFamily.JAVA17_DEBIAN13)'],
  ])('Noncompliance 1: a service on %s, removed upstream', (name, family, runtime, removedOn, replacement) => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'api', { runtime: runtime({ family }) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN on its runtime stage, naming the debian13 family to move to
    expect(findings.map(f => f.path)).toEqual([pathOf(svc.runtimeStage)]);
    expect(findings[0].value).toBe(`FROM "gcr.io/distroless/${name}:nonroot": ${name} was removed upstream on ${removedOn}, so the image no longer exists`);
    expect(findings[0].fix).toBe(`move to the debian13 family ${replacement}, or suppress LUCID-IMG7 with a reason where a mirror of the last image is kept`);
  });

  test('Noncompliance 2: a hand-written Dockerfile on a removed family, through an earlier stage', () => {
    // GIVEN
    const app = Testing.app();
    const { dockerfile, runtime } = legacyDockerfile(app, { runtime: DISTROLESS_PYTHON_DEBIAN12 });
    const last = dockerfile.addStage('final', { baseImage: BaseImage.fromStage(runtime) });

    // WHEN / THEN the final stage is reported, with the chain
    expect(pathsOf(app, RULE)).toEqual([pathOf(last)]);
    expect(findingsOf(app, RULE)[0].value).toContain('FROM runtime ("gcr.io/distroless/python3-debian12:nonroot")');
  });

  test('Compliance: supported and deprecated families that upstream still publishes', () => {
    // GIVEN
    const app = Testing.app();
    lucidService(app, 'go', { runtime: ServiceRuntime.golang({ family: RuntimeFamily.STATIC_DEBIAN12 }) });
    legacyDockerfile(app, { runtime: DISTROLESS_PYTHON });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: on an asOf date before the removal, the family was still published', () => {
    // GIVEN
    const app = Testing.app({ asOf: '2026-05-11' });
    lucidService(app, 'api', { runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('a service on a removed base image is judged once, on the base', () => {
    // GIVEN
    const app = Testing.app();
    const base = pythonBase(app, { family: RuntimeFamily.PYTHON3_DEBIAN12 });
    lucidService(app, 'api', { runtime: ServiceRuntime.python({ baseImage: base }) });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(base.runtimeStage)]);
  });

  test('a suppression with a reason lifts the error', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'api', { runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) });
    Compliance.suppress(svc, RULE, 'the last python3-debian12 image is mirrored in our registry');

    // WHEN
    const check = app.compliance._check();

    // THEN
    expect(check.errors).toEqual([]);
    expect(findingsOf(app, RULE).map(f => f.suppressionReason)).toEqual(['the last python3-debian12 image is mirrored in our registry']);
  });

  test('the reference stack has no finding', () => {
    expect(pathsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
