import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import {
  Compliance, HealthCheck, Layer, LucidService, LucidServiceProps, Plane, RuntimeFamily, ServiceRuntime, Testing,
} from '../../src';
import { DEBIAN_CLOSURE_SCRIPT } from '../../src/recipes/debian';
import { parseStages } from '../util/dockerfile-facts';

const TOR = ServiceRuntime.debianPackages({
  packages: ['tor'],
  programs: ['/usr/bin/tor'],
  entrypoint: ['/usr/bin/tor', '-f', '/etc/tor/torrc'],
  configFiles: [{ path: '/etc/tor/torrc', contents: 'SocksPort 0.0.0.0:9050\n' }],
});

function props(overrides: Partial<LucidServiceProps> = {}): LucidServiceProps {
  return {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'a Debian program',
    directory: 'apps/prog',
    port: 9050,
    runtime: TOR,
    healthCheck: HealthCheck.tcp(),
    ...overrides,
  };
}

function synth(p: LucidServiceProps = props()): { [path: string]: string } {
  const app = Testing.app();
  new LucidService(app, 'prog', p);
  return Testing.synth(app);
}

describe('a service of Debian programs', () => {
  test('installs the packages in the family\'s Debian builder and collects the programs with their libraries', () => {
    // GIVEN / WHEN
    const [builder] = parseStages(synth()['apps/prog/Dockerfile']);

    // THEN
    expect(builder.name).toBe('builder');
    expect(builder.image).toBe('debian:13-slim');
    const runs = builder.instructions.filter(i => i.keyword === 'RUN').map(i => i.args);
    expect(runs).toEqual([
      'apt-get update && apt-get install -y --no-install-recommends tor && rm -rf /var/lib/apt/lists/*',
      'sh /usr/local/bin/copy-closure /out /usr/bin/tor',
    ]);
    expect(builder.instructions.filter(i => i.keyword === 'COPY').map(i => i.args)).toEqual(['.lucid/copy-closure.sh /usr/local/bin/copy-closure']);
  });

  test('copies the closure onto distroless base as root-owned files and runs as 65532 without a shell', () => {
    // GIVEN / WHEN
    const text = synth()['apps/prog/Dockerfile'];
    const stages = parseStages(text);
    const runtime = stages[stages.length - 1];

    // THEN
    expect(runtime.name).toBe('runtime');
    expect(runtime.image).toBe('gcr.io/distroless/base-debian13:nonroot');
    expect(runtime.instructions.filter(i => i.keyword === 'RUN')).toEqual([]);
    const copies = text.slice(text.indexOf(' AS runtime')).split('\n').filter(l => l.startsWith('COPY '));
    expect(copies).toEqual([
      'COPY --from=builder --chown=0:0 /out/ /',
      'COPY --chown=0:0 --chmod=0644 .lucid/files/etc/tor/torrc /etc/tor/torrc',
      'COPY --from=probe --chown=0:0 /out/usr/local/bin/lucid-healthcheck /usr/local/bin/lucid-healthcheck',
    ]);
    expect(runtime.instructions.find(i => i.keyword === 'USER')?.args).toBe('65532:65532');
    expect(runtime.instructions.find(i => i.keyword === 'ENTRYPOINT')?.json).toEqual(['/usr/bin/tor', '-f', '/etc/tor/torrc']);
  });

  test('compiles the stdlib Go probe in golang:1.24-trixie for a TCP check, and checks the port on loopback', () => {
    // GIVEN
    const app = Testing.app();
    const svc = new LucidService(app, 'prog', props());

    // WHEN
    const files = Testing.synth(app);
    const probe = parseStages(files['apps/prog/Dockerfile']).find(s => s.name === 'probe')!;

    // THEN
    expect(probe.image).toBe('golang:1.24-trixie');
    expect(files['apps/prog/.lucid/healthcheck.go']).toContain('net.DialTimeout("tcp"');
    expect(svc.healthCheckCommand).toEqual(['/usr/local/bin/lucid-healthcheck', 'tcp://127.0.0.1:9050', '4']);
    expect(files['apps/prog/.dockerignore'].split('\n')).toEqual(expect.arrayContaining([
      '!.lucid/copy-closure.sh', '!.lucid/files/etc/tor/torrc', '!.lucid/healthcheck.go',
    ]));
  });

  test('builds no probe when the health check is a program of the image', () => {
    // GIVEN
    const redis = ServiceRuntime.debianPackages({ packages: ['redis-server', 'redis-tools'], programs: ['/usr/bin/redis-server', '/usr/bin/redis-cli'] });

    // WHEN
    const files = synth(props({ runtime: redis, port: 6379, healthCheck: HealthCheck.exec(['/usr/bin/redis-cli', 'ping']) }));

    // THEN
    expect(parseStages(files['apps/prog/Dockerfile']).map(s => s.name)).toEqual(['builder', 'runtime']);
    expect(files['apps/prog/.lucid/healthcheck.go']).toBeUndefined();
    expect(files['apps/prog/Dockerfile']).toContain('sh /usr/local/bin/copy-closure /out /usr/bin/redis-server /usr/bin/redis-cli\n');
  });

  test('runs on cc when the user chooses it, with the builder of the same Debian release', () => {
    const stages = parseStages(synth(props({
      runtime: ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], family: RuntimeFamily.CC_DEBIAN13 }),
    }))['apps/prog/Dockerfile']);
    expect(stages.map(s => s.image)).toEqual(['debian:13-slim', 'golang:1.24-trixie', 'gcr.io/distroless/cc-debian13:nonroot']);
  });

  test('has a structure test for its programs, its files, its probe and the absence of a shell', () => {
    // GIVEN / WHEN
    const config = parse(synth()['apps/prog/structure-test.yaml']);

    // THEN
    const files = config.fileExistenceTests.map((t: any) => [t.path, t.shouldExist]);
    expect(files).toEqual(expect.arrayContaining([
      ['/bin/sh', false], ['/usr/bin/tor', true], ['/etc/tor/torrc', true], ['/usr/local/bin/lucid-healthcheck', true],
    ]));
    expect(config.fileExistenceTests.find((t: any) => t.path === '/etc/tor/torrc').permissions).toBe('-rw-r--r--');
    expect(config.commandTests).toEqual([
      { name: 'tor --version runs without a shell', command: '/usr/bin/tor', args: ['--version'], exitCode: 0 },
      { name: 'health probe runs', command: '/usr/local/bin/lucid-healthcheck', args: [], exitCode: 1, expectedError: ['^usage: lucid-healthcheck '] },
    ]);
  });

  test('runs no version check when versionFlag is empty', () => {
    const config = parse(synth(props({
      runtime: ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], versionFlag: '' }),
      healthCheck: HealthCheck.exec(['/usr/bin/tor', '--verify-config']),
    }))['apps/prog/structure-test.yaml']);
    expect(config.commandTests ?? []).toEqual([]);
  });

  test('has a size budget of 60 MB', () => {
    const app = Testing.app();
    expect(new LucidService(app, 'prog', props()).sizeBudgetMb).toBe(60);
  });

  test('breaks no LUCID-STRICT rule', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'prog', props());

    // WHEN
    const errors = app.compliance.errors().map(Compliance.format);
    const health = app.compliance.findings().filter(f => f.ruleId.startsWith('LUCID-HC'));

    // THEN
    expect(app.validate()).toEqual([]);
    expect(errors).toEqual([]);
    expect(health).toEqual([]);
  });

  test.each([
    ['a family with an interpreter', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], family: RuntimeFamily.PYTHON3_DEBIAN13 }),
      'family python3-debian13 cannot run Debian\'s programs'],
    ['distroless static, which has no libc', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], family: RuntimeFamily.STATIC_DEBIAN13 }),
      'family static-debian13 cannot run Debian\'s programs'],
    ['no packages', ServiceRuntime.debianPackages({ packages: [], programs: ['/usr/bin/tor'] }), 'no Debian packages to install'],
    ['a package name with a shell word', ServiceRuntime.debianPackages({ packages: ['tor;rm'], programs: ['/usr/bin/tor'] }), 'packages: "tor;rm" is not a Debian package name'],
    ['no programs', ServiceRuntime.debianPackages({ packages: ['tor'], programs: [] }), 'no programs to copy'],
    ['a relative program', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['tor'] }), 'programs: "tor" must be an absolute path'],
    ['a path with a space', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], files: ['/usr/share/a b'] }), 'files: "/usr/share/a b" must be an absolute path'],
    ['a config file outside the root', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], configFiles: [{ path: '/etc/../x', contents: '' }] }),
      'configFiles: "/etc/../x" must be an absolute path'],
    ['an entrypoint that is not copied', ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['/usr/bin/tor'], entrypoint: ['/usr/sbin/torify'] }),
      'entrypoint starts with "/usr/sbin/torify", which is not one of the programs copied'],
  ])('%s is rejected', (_what, runtime, message) => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'prog', props({ runtime }));

    // WHEN / THEN
    expect(Testing.problems(app).join('\n')).toContain(message);
  });

  test('a TCP check on a runtime without a TCP probe is rejected', () => {
    const app = Testing.app();
    new LucidService(app, 'py', props({ runtime: ServiceRuntime.python(), port: 8080, directory: 'apps/py' }));
    expect(Testing.problems(app).join('\n')).toContain('a TCP health check needs the probe that the python recipe does not compile');
  });
});

describe('the closure script', () => {
  // It runs in the Debian builder; the host is Debian too, so it is run here on a program of the host.
  const program = ['/bin/ls', '/usr/bin/ls'].find(p => fs.existsSync(p))!;

  test('copies a program with every library ldd names, under the resolved paths, and fails on a missing file', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closure-'));
    const script = path.join(dir, 'copy-closure.sh');
    fs.writeFileSync(script, DEBIAN_CLOSURE_SCRIPT);
    const out = path.join(dir, 'out');
    try {
      // WHEN
      const ok = spawnSync('sh', [script, out, program], { encoding: 'utf-8' });
      const missing = spawnSync('sh', [script, out, '/usr/bin/no-such-program'], { encoding: 'utf-8' });

      // THEN
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      const real = fs.realpathSync(program);
      expect(fs.existsSync(path.join(out, real))).toBe(true);
      const ldd = spawnSync('ldd', [program], { encoding: 'utf-8' }).stdout;
      const libs = [...ldd.matchAll(/=> (\/\S+)/g)].map(m => m[1]);
      expect(libs.length).toBeGreaterThan(0);
      for (const lib of libs) {
        // The library, at its path with the folders resolved (/lib is /usr/lib on a merged-/usr system).
        const resolved = path.join(fs.realpathSync(path.dirname(lib)), path.basename(lib));
        expect(fs.lstatSync(path.join(out, resolved)).isFile() || fs.lstatSync(path.join(out, resolved)).isSymbolicLink()).toBe(true);
        // A symlinked library brings its target too.
        expect(fs.existsSync(path.join(out, fs.realpathSync(lib)))).toBe(true);
      }
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('/usr/bin/no-such-program does not exist in the builder: install the package that ships it');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
