import { defineLucidStack } from '../../../../examples/lucid/stack';
import {
  BaseImage, DistrolessPythonBase, Dockerfile, FoundationService, HealthCheck, Layer, LucidService, Plane, ServiceRuntime, Testing,
} from '../../../../src';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG4';
const DIGEST = `sha256:${'0'.repeat(64)}`;

function legacy(builderRef: string, runtimeRef: string) {
  const app = Testing.app();
  const df = new Dockerfile(app, 'legacy');
  const builder = df.addStage('builder', { from: BaseImage.fromRegistry(builderRef) });
  const runtime = df.addStage('runtime', { from: BaseImage.fromRegistry(runtimeRef, { hasShell: false }) });
  runtime.addCopy(['/opt/venv'], '/opt/venv', { from: builder });
  return { app, builder, runtime };
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
    const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base' });
    const api = new LucidService(app, 'api', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: 'API',
      directory: 'apps/api',
      port: 8080,
      runtime: ServiceRuntime.python({ base }),
    });

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN
    expect(api.runtimeStage.from.imageRef).toBe('pickme/lucid-python-base:latest');
    expect(paths).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
