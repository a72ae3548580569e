import { parse } from 'yaml';
import {
  Compliance, DistrolessRedis, HealthCheck, HealthCheckKind, Layer, LucidService, Plane, ServiceRuntime, Testing, TorProxy,
} from '../../src';
import { parseStages } from '../util/dockerfile-facts';

describe('DistrolessRedis', () => {
  test('builds Redis from Debian\'s package onto distroless base, keeping nothing on the read-only root', () => {
    // GIVEN
    const app = Testing.app();
    const redis = new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });

    // WHEN
    const stages = parseStages(Testing.synth(app)['apps/redis/Dockerfile']);
    const runtime = stages[stages.length - 1];

    // THEN
    expect(stages.map(s => s.image)).toEqual(['debian:13-slim', 'gcr.io/distroless/base-debian13:nonroot']);
    expect(stages[0].instructions.filter(i => i.keyword === 'RUN').map(i => i.args)[0]).toContain('apt-get install -y --no-install-recommends redis-server redis-tools');
    expect(runtime.instructions.find(i => i.keyword === 'ENTRYPOINT')?.json).toEqual(['/usr/bin/redis-server']);
    expect(runtime.instructions.find(i => i.keyword === 'CMD')?.json).toEqual([
      '--port', '6379', '--bind', '0.0.0.0', '--protected-mode', 'no', '--dir', '/tmp', '--save', '', '--appendonly', 'no',
    ]);
    expect(runtime.instructions.find(i => i.keyword === 'USER')?.args).toBe('65532:65532');
    expect(redis.healthCheckCommand).toEqual(['/usr/bin/redis-cli', '-p', '6379', 'ping']);
    expect(redis.port).toBe(6379);
    expect(redis.plane).toBe(Plane.OPS);
    expect(redis.layer).toBe(Layer.CORE_SUPPORT);
  });

  test('follows the port it is given, in its command and its check', () => {
    const app = Testing.app();
    const redis = new DistrolessRedis(app, 'cache', { directory: 'apps/cache', port: 6380, plane: Plane.CHAIN });
    expect(redis.healthCheckCommand).toEqual(['/usr/bin/redis-cli', '-p', '6380', 'ping']);
    expect(parse(Testing.synth(app)['apps/cache/structure-test.yaml']).metadataTest.cmd.slice(0, 2)).toEqual(['--port', '6380']);
  });

  test('is a dependency like any service, and compose runs it with its check', () => {
    // GIVEN
    const app = Testing.app();
    const redis = new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });
    new LucidService(app, 'api', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: 'api',
      directory: 'apps/api',
      port: 8080,
      runtime: ServiceRuntime.python(),
      dependsOn: [redis],
      env: { REDIS_URL: 'redis://redis:6379/0' },
    });

    // WHEN
    const compose = parse(Testing.synth(app)['docker-compose.yml']);

    // THEN
    expect(compose.services.api.depends_on.redis.condition).toBe('service_healthy');
    expect(compose.services.redis.healthcheck.test).toEqual(['CMD', '/usr/bin/redis-cli', '-p', '6379', 'ping']);
    expect(compose.services.redis.user).toBe('65532:65532');
    expect(compose.services.redis.read_only).toBe(true);
  });

  test('checks redis-server and redis-cli start in the image', () => {
    const app = Testing.app();
    new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });
    const config = parse(Testing.synth(app)['apps/redis/structure-test.yaml']);
    expect(config.commandTests.map((t: any) => [t.command, t.args])).toEqual([
      ['/usr/bin/redis-server', ['--version']], ['/usr/bin/redis-cli', ['--version']],
    ]);
  });
});

describe('TorProxy', () => {
  test('runs tor with a generated torrc: SOCKS on every address, control on loopback, data on the tmpfs', () => {
    // GIVEN
    const app = Testing.app();
    const tor = new TorProxy(app, 'tor-proxy', { directory: 'apps/tor-proxy' });

    // WHEN
    const files = Testing.synth(app);
    const torrc = files['apps/tor-proxy/.lucid/files/etc/tor/torrc'];
    const stages = parseStages(files['apps/tor-proxy/Dockerfile']);
    const runtime = stages[stages.length - 1];

    // THEN
    expect(torrc.split('\n')).toEqual(expect.arrayContaining([
      'SocksPort 0.0.0.0:9050', 'SocksPolicy accept private:*', 'SocksPolicy reject *', 'ControlPort 127.0.0.1:9051', 'CookieAuthentication 1', 'DataDirectory /tmp/tor',
    ]));
    expect(runtime.instructions.find(i => i.keyword === 'ENTRYPOINT')?.json).toEqual(['/usr/bin/tor', '-f', '/etc/tor/torrc']);
    expect(runtime.instructions.filter(i => i.keyword === 'ENV').map(i => i.args)).toEqual(expect.arrayContaining(['TOR_SOCKS_PORT="9050"']));
    expect(tor.port).toBe(9050);
    expect(tor.healthCheck.kind).toBe(HealthCheckKind.TCP);
    expect(tor.healthCheckCommand).toEqual(['/usr/local/bin/lucid-healthcheck', 'tcp://127.0.0.1:9050', '2']);
  });

  test('follows the ports it is given', () => {
    const app = Testing.app();
    const tor = new TorProxy(app, 'tor', { directory: 'apps/tor', socksPort: 9150, controlPort: 9151 });
    const torrc = Testing.synth(app)['apps/tor/.lucid/files/etc/tor/torrc'];
    expect(torrc).toContain('SocksPort 0.0.0.0:9150\n');
    expect(torrc).toContain('ControlPort 127.0.0.1:9151\n');
    expect(tor.healthCheckCommand[1]).toBe('tcp://127.0.0.1:9150');
  });

  test.each([
    ['a control port out of range', { controlPort: 70000 }, 'controlPort'],
    ['the same port twice', { socksPort: 9050, controlPort: 9050 }, 'controlPort and socksPort are both 9050'],
  ])('%s is rejected', (_what, ports, message) => {
    const app = Testing.app();
    new TorProxy(app, 'tor', { directory: 'apps/tor', ...ports });
    expect(Testing.problems(app).join('\n')).toContain(message);
  });

  test('both break no LUCID-STRICT rule', () => {
    // GIVEN
    const app = Testing.app();
    new TorProxy(app, 'tor-proxy', { directory: 'apps/tor-proxy' });
    new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });

    // WHEN
    const errors = app.compliance.errors().map(Compliance.format);

    // THEN
    expect(app.validate()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('HealthCheck.tcp', () => {
  test('checks the service\'s port unless given another, and validates it', () => {
    expect(HealthCheck.tcp().port).toBeUndefined();
    expect(HealthCheck.tcp({ port: 9051 }).port).toBe(9051);
    expect(HealthCheck.tcp({ port: 0 }).problems().join('\n')).toContain('health check port');
  });

  test('runs the compiled probe of a Go service', () => {
    const app = Testing.app();
    const svc = new LucidService(app, 'go', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: 'go',
      directory: 'apps/go',
      port: 8080,
      runtime: ServiceRuntime.golang(),
      healthCheck: HealthCheck.tcp({ port: 8081 }),
    });
    expect(svc.healthCheckCommand).toEqual(['/usr/local/bin/lucid-healthcheck', 'tcp://127.0.0.1:8081', '4']);
    expect(app.validate()).toEqual([]);
  });
});
