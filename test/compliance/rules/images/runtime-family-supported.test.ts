import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, RuntimeFamily, ServiceRuntime, Testing } from '../../../../src';
import { NodeBase } from '../../../../src/images';
import { DISTROLESS_PYTHON, legacyDockerfile, lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG8';

describe('RuntimeFamilySupported (LUCID-IMG8)', () => {
  test('Noncompliance 1: a service on a deprecated debian12 family that upstream still publishes', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'api', { runtime: ServiceRuntime.golang({ family: RuntimeFamily.STATIC_DEBIAN12 }) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN on its runtime stage, naming the replacement
    expect(findings.map(f => f.path)).toEqual([pathOf(svc.runtimeStage)]);
    expect(findings[0].value).toBe('FROM "gcr.io/distroless/static-debian12:nonroot": static-debian12 is deprecated (end of life 2026-09-01)');
    expect(findings[0].fix).toBe('move to the debian13 family static-debian13 (RuntimeFamily.STATIC_DEBIAN13): upstream stops publishing fixes for static-debian12');
  });

  test('Noncompliance 2: a hand-written Dockerfile on a deprecated debian12 family, through an earlier stage', () => {
    // GIVEN
    const app = Testing.app();
    const { dockerfile, runtime } = legacyDockerfile(app, { runtime: 'gcr.io/distroless/base-debian12:nonroot' });
    const last = dockerfile.addStage('final', { baseImage: BaseImage.fromStage(runtime) });

    // WHEN / THEN the final stage is reported, with the chain
    expect(pathsOf(app, RULE)).toEqual([pathOf(last)]);
    expect(findingsOf(app, RULE)[0].value).toContain('FROM runtime ("gcr.io/distroless/base-debian12:nonroot")');
  });

  test('Noncompliance 4: a removed family, on an asOf date before its removal, was only deprecated then', () => {
    // GIVEN python3-debian12, removed 2026-05-12
    const app = Testing.app({ asOf: '2026-03-01' });
    lucidService(app, 'api', { runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) });

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => f.value)).toEqual([expect.stringContaining('python3-debian12 is removed (end of life 2026-04-01)')]);
    expect(pathsOf(app, 'LUCID-IMG7')).toEqual([]);
  });

  test('Not applicable: a removed family is LUCID-IMG7\'s error, not a warning as well', () => {
    // GIVEN
    const app = Testing.app();
    lucidService(app, 'api', { runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
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
    // GIVEN a base on a family past its end of life, and a service built on it
    const app = Testing.app({ asOf: '2027-05-01' });
    const base = new NodeBase(app, 'node-base', { directory: 'images/node-base', family: RuntimeFamily.NODEJS22_DEBIAN13 });
    lucidService(app, 'ui', { runtime: ServiceRuntime.nodejs({ baseImage: base }) });

    // WHEN / THEN only the base's runtime stage is reported
    expect(pathsOf(app, RULE)).toEqual([pathOf(base.runtimeStage)]);
  });

  test('the reference stack has no finding', () => {
    expect(pathsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
