import { defineLucidStack } from '../../../../examples/lucid/stack';
import { Layer, SecretSource, Testing } from '../../../../src';
import { legacyDockerfile, legacyRuntime, lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-SEC1';

describe('NoSecretsInImage (LUCID-SEC1)', () => {
  test('Noncompliance 1: a URL with credentials in the runtime\'s ENV (seed 004), shown masked, fixed with a ServiceSecret', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app);
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
    const { builder } = legacyDockerfile(app, { builder: 'node:22-trixie-slim', copies: ['/app'] });
    builder.addArg('NPM_TOKEN', 'npm_abcdef123456');

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
    const { builder, runtime } = legacyDockerfile(app, { builder: 'debian:13-slim' });
    builder.addEnv('PIP_INDEX_URL', 'https://ci:hunter2@pypi.example.invalid/simple');
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
    const { builder, runtime } = legacyDockerfile(app, { builder: 'debian:13-slim' });
    builder.addArg('NPM_TOKEN');
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
    lucidService(app, 'auth', {
      layer: Layer.SESSION_PIPELINE,
      port: 8081,
      secrets: [{ name: 'jwt-signing-key', source: SecretSource.FILE, location: 'secrets/jwt-signing-key' }],
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
