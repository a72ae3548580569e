import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { LucidImage, LucidService, Testing } from '../../../src';
import { ComposeSchema } from '../../../src/compose';
import { COMPOSE_SPEC_SCHEMA } from '../../compose/util';
import { docker } from '../../util/docker';
import { referenceApp } from '../../util/reference-stack';

// The reference stack's generated files, fed to the tools that consume them.

const app = referenceApp();
const files = Testing.synth(app);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-reference-'));
for (const [rel, content] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}
const images = LucidImage.all(app);
const services = images.filter(LucidService.isLucidService);

function bakePrint(env: { [k: string]: string } = {}, ...targets: string[]): any {
  const saved = { ...process.env };
  for (const k of ['REGISTRY', 'TAG', 'PLATFORMS', 'CACHE', 'ATTEST']) {
    delete process.env[k];
  }
  Object.assign(process.env, env);
  try {
    return JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', ...targets], dir).stdout);
  } finally {
    process.env = saved;
  }
}

describe('docker buildx bake --print on the generated docker-bake.hcl', () => {
  const printed = bakePrint();
  const perArch = bakePrint({}, 'per-arch');

  test('resolves one target per image, with the model\'s context, Dockerfile, stage, tag and platforms', () => {
    expect(Object.keys(printed.target).sort()).toEqual(images.map(i => i.targetName).sort());
    for (const image of images) {
      const t = printed.target[image.targetName];
      expect(t.context).toBe(image.directory);
      expect(t.dockerfile).toBe('Dockerfile');
      expect(t.target).toBe('runtime');
      expect(t.tags).toEqual([`pickme/${image.imageName}:${image.tag}`]);
      // and one target per architecture, tagged -<arch>, which CI pushes beside the multi-platform tag
      for (const arch of ['amd64', 'arm64']) {
        expect(perArch.target[`${image.targetName}-${arch}`].tags).toEqual([`pickme/${image.imageName}:${image.tag}-${arch}`]);
      }
      expect(t.platforms).toEqual(['linux/amd64', 'linux/arm64']);
      expect(t.labels).toEqual(image.runtimeStage.labelMap());
      expect(t['cache-from']).toBeUndefined();
      expect(t.attest).toBeUndefined();
    }
  });

  test('feeds base images in as target contexts, so bake builds them first', () => {
    expect(printed.target['service-mesh-controller'].contexts).toEqual({ 'pickme/lucid-base:python-distroless': 'target:python-base' });
    expect(printed.target['node-management'].contexts).toEqual({ 'pickme/lucid-base:java-distroless': 'target:java-base' });
    expect(printed.target['api-gateway'].contexts).toBeUndefined();
    expect(printed.target['auth-service'].contexts).toBeUndefined();
    expect(printed.target['blockchain-api'].contexts).toBeUndefined();
    expect(printed.target['admin-ui'].contexts).toBeUndefined();
  });

  test('the default group holds every image', () => {
    expect([...printed.group.default.targets].sort()).toEqual(images.map(i => i.targetName).sort());
  });

  test('groups resolve to planes, layers and each service with its base chain', () => {
    const group = (name: string) => Object.keys(bakePrint({}, name).target).sort();
    expect(group('ops')).toEqual(['api-gateway', 'auth-service', 'python-base', 'redis', 'service-mesh-controller', 'session-management',
      'session-processor', 'session-recorder', 'tor-proxy']);
    expect(group('wallet')).toEqual(['tron-payment']);
    expect(group('layer-2')).toEqual(['blockchain-api', 'blockchain-engine', 'java-base', 'node-management', 'rdp-services', 'tron-payment']);
    expect(group('base')).toEqual(['general-base', 'java-base', 'minimal-base', 'python-base']);
    expect(group('services')).toEqual([...services.map(s => s.targetName), 'java-base', 'python-base'].sort());
  });

  test('REGISTRY, TAG and PLATFORMS come from the environment, like the old build script flags', () => {
    const t = bakePrint({ REGISTRY: 'ghcr.io/lucid', TAG: '1.2.3', PLATFORMS: 'linux/arm64' }, 'api-gateway').target['api-gateway'];
    expect(t.tags).toEqual(['ghcr.io/lucid/lucid-api-gateway:1.2.3']);
    expect(t.platforms).toEqual(['linux/arm64']);
  });

  test('CACHE selects registry or GitHub Actions cache, scoped per image; ATTEST adds SBOM and provenance', () => {
    const gha = bakePrint({ CACHE: 'gha', ATTEST: 'true' }, 'api-gateway').target['api-gateway'];
    expect(gha['cache-from']).toEqual([{ type: 'gha', scope: 'lucid-api-gateway' }]);
    expect(gha['cache-to']).toEqual([{ type: 'gha', scope: 'lucid-api-gateway', mode: 'max' }]);
    expect(gha.attest).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'sbom' }), expect.objectContaining({ type: 'provenance' })]));
    const reg = bakePrint({ CACHE: 'registry' }, 'api-gateway').target['api-gateway'];
    expect(reg['cache-from']).toEqual([{ type: 'registry', ref: 'pickme/lucid-api-gateway:buildcache' }]);
  });

  test('an unknown CACHE value fails with the file\'s own message', () => {
    const saved = process.env.CACHE;
    process.env.CACHE = 'bogus';
    try {
      const r = docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print'], dir, true);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('CACHE must be "registry", "gha" or empty');
    } finally {
      if (saved === undefined) delete process.env.CACHE; else process.env.CACHE = saved;
    }
  });
});

describe('docker compose config on the generated compose files', () => {
  const config = JSON.parse(docker(['compose', '--profile', '*', 'config', '--format', 'json'], dir).stdout);

  const bases = images.filter(i => !LucidService.isLucidService(i)).map(i => i.targetName);

  test('every service is hardened: UID 65532, read-only root, no capabilities, no new privileges, init', () => {
    expect(Object.keys(config.services).sort()).toEqual([...services.map(s => s.serviceName), ...bases, 'elasticsearch', 'mongodb'].sort());
    for (const s of services) {
      const c = config.services[s.serviceName];
      expect(c.user).toBe('65532:65532');
      expect(c.read_only).toBe(true);
      expect(c.cap_drop).toEqual(['ALL']);
      expect(c.security_opt).toEqual(['no-new-privileges:true']);
      expect(c.init).toBe(true);
      expect(c.build).toMatchObject({ dockerfile: 'Dockerfile', target: 'runtime' });
    }
  });

  test('health checks are the Dockerfile\'s own, and dependencies wait for health', () => {
    for (const s of services) {
      const c = config.services[s.serviceName];
      expect(c.healthcheck.test).toEqual(['CMD', ...s.healthCheckCommand]);
      const expected: { [k: string]: any } = {};
      for (const d of s.dependsOn) {
        expected[d.serviceName] = expect.objectContaining({ condition: 'service_healthy' });
      }
      expect(c.depends_on ?? {}).toEqual(expected);
    }
  });

  test('secrets are compose secrets with a *_FILE pointer, never values', () => {
    const auth = config.services['auth-service'];
    expect(auth.environment.JWT_SIGNING_KEY_FILE).toBe('/run/secrets/jwt-signing-key');
    expect(auth.environment.MONGODB_URL_FILE).toBe('/run/secrets/mongodb-url');
    expect(auth.environment.MONGODB_URL).toBeUndefined();
    expect(auth.secrets).toEqual([
      expect.objectContaining({ source: 'jwt-signing-key', target: 'jwt-signing-key' }),
      expect.objectContaining({ source: 'mongodb-url', target: 'mongodb-url' }),
    ]);
    expect(config.secrets['jwt-signing-key'].file).toMatch(/\/secrets\/jwt-signing-key$/);
    const payments = config.services['tron-payment'];
    expect(payments.environment.ENCRYPTION_KEY_FILE).toBe('/run/secrets/encryption-key');
    expect(payments.environment.ENCRYPTION_KEY).toBeUndefined();
    expect(config.secrets['encryption-key'].file).toMatch(/\/secrets\/encryption-key$/);
  });

  test('a foundation service runs its upstream image, pinned by the lock, with its own health check, on the planes that need it', () => {
    const mongodb = config.services.mongodb;
    expect(mongodb.image).toMatch(/^mongo:8\.0@sha256:[a-f0-9]{64}$/);
    expect(mongodb.healthcheck.test[1]).toBe('/usr/bin/mongosh');
    expect(Object.keys(mongodb.networks).sort()).toEqual(['chain', 'ops', 'wallet']);
    expect(config.services['auth-service'].depends_on.mongodb).toMatchObject({ condition: 'service_healthy' });
  });

  test('Redis is built by the app from Debian\'s package, and checked with its own client', () => {
    const redis = config.services.redis;
    expect(redis.image).toBe('pickme/lucid-redis:latest');
    expect(redis.build.context).toMatch(/apps\/redis$/);
    expect(redis.user).toBe('65532:65532');
    expect(redis.healthcheck.test).toEqual(['CMD', '/usr/bin/redis-cli', '-p', '6379', 'ping']);
    expect(config.services['auth-service'].depends_on.redis).toMatchObject({ condition: 'service_healthy' });
  });

  test('a service that talks to another plane\'s service shares a network with it, with no start-up dependency', () => {
    const payments = config.services['tron-payment'];
    expect(Object.keys(payments.depends_on)).not.toContain('service-mesh-controller');
    const mesh = Object.keys(config.services['service-mesh-controller'].networks);
    expect(Object.keys(payments.networks).filter(n => mesh.includes(n))).not.toEqual([]);
  });

  test('a plane\'s profile brings the services it depends on', () => {
    const gui = docker(['compose', '--profile', 'gui', 'config', '--services'], dir).stdout.trim().split('\n').sort();
    // admin-ui and rdp-services, and everything they need, down to the foundation services, and the bases they build on
    expect(gui).toEqual(['admin-ui', 'api-gateway', 'auth-service', 'blockchain-api', 'blockchain-engine', 'elasticsearch', 'merkle-builder',
      'mongodb', 'rdp-services', 'redis', 'service-mesh-controller', 'session-management', 'session-processor', 'session-recorder', ...bases].sort());
  });

  test('the base images are build-only services, and each image built on one names it as bake does', () => {
    const printed = bakePrint();
    for (const image of images) {
      const c = config.services[image.targetName];
      expect(c.scale ?? 1).toBe(LucidService.isLucidService(image) ? 1 : 0);
      // bake's `target:<base>` context and compose's `service:<base>` context, under the same FROM reference
      const bake = Object.fromEntries(Object.entries(printed.target[image.targetName].contexts ?? {})
        .map(([k, v]) => [k, String(v).replace(/^target:/, 'service:')]));
      expect(c.build.additional_contexts ?? {}).toEqual(bake);
    }
    expect(config.services['service-mesh-controller'].build.additional_contexts).toEqual({ 'pickme/lucid-base:python-distroless': 'service:python-base' });
  });

  test('the base file builds the base images only', () => {
    const base = JSON.parse(docker(['compose', '-f', 'docker-compose.base.yml', 'config', '--format', 'json'], dir).stdout);
    expect(Object.keys(base.services).sort()).toEqual(['general-base', 'java-base', 'minimal-base', 'python-base']);
  });

  test('both files validate against the official compose-spec schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, files['docker-compose.yml'])).toEqual([]);
    expect(ComposeSchema.validate(ajv, COMPOSE_SPEC_SCHEMA, files['docker-compose.base.yml'])).toEqual([]);
  });
});
