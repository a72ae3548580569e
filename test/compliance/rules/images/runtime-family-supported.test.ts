import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, RuntimeFamily, ServiceRuntime, Testing } from '../../../../src';
import { DISTROLESS_PYTHON, DISTROLESS_PYTHON_DEBIAN12, legacyDockerfile, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG7';

describe('RuntimeFamilySupported (LUCID-IMG7)', () => {
  test('Noncompliance 1: a service on a removed debian12 family', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'api', { runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN on its runtime stage, naming the replacement
    expect(findings.map(f => f.path)).toEqual([pathOf(svc.runtimeStage)]);
    expect(findings[0].value).toBe('FROM "gcr.io/distroless/python3-debian12:nonroot": python3-debian12 is removed (images removed 2026-05-12) (end of life 2026-04-01)');
    expect(findings[0].fix).toMatch(/^move to python3-debian13 \(RuntimeFamily\.PYTHON3_DEBIAN13\)/);
  });

  test('Noncompliance 2: a hand-written Dockerfile on a debian12 family, through an earlier stage', () => {
    // GIVEN
    const app = Testing.app();
    const { dockerfile, runtime } = legacyDockerfile(app, { runtime: DISTROLESS_PYTHON_DEBIAN12 });
    const last = dockerfile.addStage('final', { baseImage: BaseImage.fromStage(runtime) });

    // WHEN / THEN the final stage is reported, with the chain
    expect(pathsOf(app, RULE)).toEqual([pathOf(last)]);
    expect(findingsOf(app, RULE)[0].value).toContain('FROM runtime ("gcr.io/distroless/python3-debian12:nonroot")');
  });

  test('Noncompliance 3: a supported family past its end of life on the app\'s asOf date', () => {
    // GIVEN nodejs22-debian13, whose end of life is 2027-04-30
    const app = Testing.app({ asOf: '2027-05-01' });
    const svc = lucidService(app, 'ui', { runtime: ServiceRuntime.nodejs({ family: RuntimeFamily.NODEJS22_DEBIAN13 }) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(svc.runtimeStage)]);
    expect(findings[0].value).toContain('nodejs22-debian13 reaches its end of life on 2027-04-30, before 2027-05-01');
  });

  test('Compliance: supported families, and the same family before its end of life', () => {
    // GIVEN
    const app = Testing.app({ asOf: '2027-04-29' });
    lucidService(app, 'ui', { runtime: ServiceRuntime.nodejs({ family: RuntimeFamily.NODEJS22_DEBIAN13 }) });
    legacyDockerfile(app, { runtime: DISTROLESS_PYTHON });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a service on a base image is judged once, on the base', () => {
    // GIVEN a debian12 base and a service built on it
    const app = Testing.app();
    const base = pythonBase(app, { family: RuntimeFamily.PYTHON3_DEBIAN12 });
    lucidService(app, 'api', { runtime: ServiceRuntime.python({ baseImage: base }) });

    // WHEN / THEN only the base's runtime stage is reported
    expect(pathsOf(app, RULE)).toEqual([pathOf(base.runtimeStage)]);
  });

  test('the reference stack has no finding', () => {
    expect(pathsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
