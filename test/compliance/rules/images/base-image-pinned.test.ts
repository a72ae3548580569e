import { defineLucidStack } from '../../../../examples/lucid/stack';
import { FoundationService, HealthCheck, Testing } from '../../../../src';
import { DIGEST, legacyDockerfile, serviceOnPythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG4';

/** A new app with a bare two-stage Dockerfile, builder FROM `builderRef` and runtime FROM `runtimeRef`. */
function legacy(builderRef: string, runtimeRef: string) {
  const app = Testing.app();
  return { app, ...legacyDockerfile(app, { builder: builderRef, runtime: runtimeRef, copies: ['/opt/venv'] }) };
}

function redis(app: ReturnType<typeof Testing.app>, image: string): FoundationService {
  return new FoundationService(app, 'redis', { image, port: 6379, healthCheck: HealthCheck.exec(['redis-cli', 'ping']) });
}

describe('BaseImagePinned (LUCID-IMG4)', () => {
  test('Noncompliance 1: an untagged builder and a :latest runtime, each on its own stage', () => {
    // GIVEN
    const { app, builder, runtime } = legacy('debian', 'gcr.io/distroless/base-debian13:latest');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(builder), 'FROM "debian"'],
      [pathOf(runtime), 'FROM "gcr.io/distroless/base-debian13:latest"'],
    ]);
    expect(findings[0].fix).toContain('name a version tag (debian:<version>');
    expect(findings[1].fix).toContain('use gcr.io/distroless/base-debian13:nonroot');
  });

  test('Noncompliance 2: an unpinned image a stage copies from', () => {
    // GIVEN
    const { app, runtime } = legacy('debian:13-slim', 'gcr.io/distroless/static-debian13:nonroot');
    runtime.addCopy(['/bin/busybox'], '/busybox', { fromImage: 'busybox:latest' });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'COPY --from="busybox:latest"']]);
  });

  test('Noncompliance 3: a foundation service on :latest', () => {
    // GIVEN
    const app = Testing.app();
    const cache = redis(app, 'redis:latest');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(cache)]);
    expect(findingsOf(app, RULE)[0].value).toBe('image "redis:latest"');
  });

  test('Compliance: version tags, distroless :nonroot and digests', () => {
    // GIVEN
    const { app } = legacy('python:3.11-slim', 'gcr.io/distroless/python3-debian13:nonroot');
    const other = legacy('debian@' + DIGEST, `gcr.io/distroless/python3-debian13:latest@${DIGEST}`);
    redis(app, 'redis:8.0');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
    expect(pathsOf(other.app, RULE)).toEqual([]);
  });

  test('Compliance: an image of the app, tagged :latest, which bake builds in the same graph', () => {
    // GIVEN
    const app = Testing.app();
    const { service: api } = serviceOnPythonBase(app);

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN
    expect(api.runtimeStage.baseImage.imageRef).toBe('pickme/lucid-python-base:latest');
    expect(paths).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
