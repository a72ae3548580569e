import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Layer, LucidService, Plane, SecretSource, ServiceRuntime, Testing } from '../../../../src';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-SEC1';
const DISTROLESS = BaseImage.fromRegistry('gcr.io/distroless/python3-debian13:nonroot', { hasShell: false });

describe('NoSecretsInImage (LUCID-SEC1)', () => {
  test('Noncompliance 1: a URL with credentials in the runtime\'s ENV (seed 004), shown masked, fixed with a ServiceSecret', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = new Dockerfile(app, 'legacy').addStage('runtime', { from: DISTROLESS });
    runtime.addEnv('MONGODB_URL', 'mongodb://lucid:s3cr3t-pw@lucid_mongo:27017/lucid?authSource=admin');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([
      [RULE, pathOf(runtime), 'ENV MONGODB_URL="mongodb://lucid:***@lucid_mongo:27017/lucid?authSource=admin"'],
    ]);
    expect(findings[0].value).not.toContain('s3cr3t');
    expect(findings[0].fix).toContain('ServiceSecret');
    expect(findings[0].fix).toContain('MONGODB_URL_FILE');
  });

  test('Noncompliance 2: a token as an ARG default in a builder, fixed with a BuildSecret', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry('node:22-trixie-slim') });
    builder.addArg('NPM_TOKEN', 'npm_abcdef123456');
    df.addStage('runtime', { from: DISTROLESS }).addCopy(['/app'], '/app', { from: builder });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(builder), 'ARG NPM_TOKEN="***"']]);
    expect(findings[0].fix).toContain('BuildSecret');
    expect(findings[0].fix).toContain('buildSecrets');
  });

  test('Noncompliance 3: one finding per variable and label: ENV in a builder, ENV in the runtime, a LABEL', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry('debian:13-slim') });
    builder.addEnv('PIP_INDEX_URL', 'https://ci:hunter2@pypi.example.invalid/simple');
    const runtime = df.addStage('runtime', { from: DISTROLESS });
    runtime.addEnv('DB_PASSWORD', 'hunter2');
    runtime.addEnv('ENCRYPTION_KEY', '0123456789abcdef');
    runtime.addLabel('org.lucid.api_token', 'tok-123');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(builder), 'ENV PIP_INDEX_URL="https://ci:***@pypi.example.invalid/simple"'],
      [pathOf(runtime), 'ENV DB_PASSWORD="***"'],
      [pathOf(runtime), 'ENV ENCRYPTION_KEY="***"'],
      [pathOf(runtime), 'LABEL org.lucid.api_token="***"'],
    ]);
    // an ENV of a builder is a build-time value: a BuildSecret
    expect(findings[0].fix).toContain('BuildSecret');
    expect(findings[1].fix).toContain('ServiceSecret');
    expect(findings[3].fix).toContain('remove org.lucid.api_token from the label');
    expect(findings.map(f => f.value).join(' ')).not.toMatch(/hunter2|0123456789abcdef|tok-123/);
  });

  test('Compliance: secret file pointers, empty values, ARGs without default and URLs without credentials', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry('debian:13-slim') });
    builder.addArg('NPM_TOKEN');
    const runtime = df.addStage('runtime', { from: DISTROLESS });
    runtime.addEnv('DB_PASSWORD_FILE', '/run/secrets/db-password');
    runtime.addEnv('API_TOKEN', '');
    runtime.addEnv('REDIS_URL', 'redis://redis:6379/0');
    runtime.addEnv('SERVICE_DISCOVERY_URL', 'http://consul:8500');
    runtime.addLabel('description', 'keeps session tokens in Redis');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a service whose secrets are ServiceSecrets', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'auth', {
      plane: Plane.OPS,
      layer: Layer.SESSION_PIPELINE,
      description: 'auth',
      directory: 'apps/auth',
      port: 8081,
      runtime: ServiceRuntime.python(),
      secrets: [{ name: 'jwt-signing-key', source: SecretSource.FILE, from: 'secrets/jwt-signing-key' }],
      env: { REDIS_URL: 'redis://redis:6379/0' },
    });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
