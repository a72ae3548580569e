import { baseImages, lucidStack } from './models';
import {
  ComposeDependencyCondition, ComposeDuration, ComposeFileModel, ComposeMountType, ComposeService,
} from '../../src/compose';
import { validateComposeModel } from '../../src/compose/validate';

const STARTED = { condition: ComposeDependencyCondition.SERVICE_STARTED };

function problemsOf(service: ComposeService, extra: Partial<ComposeFileModel> = {}): string[] {
  return validateComposeModel({ services: { app: service }, ...extra });
}

describe('validateComposeModel', () => {
  test('accepts the reference models', () => {
    expect(validateComposeModel(lucidStack())).toEqual([]);
    expect(validateComposeModel(baseImages())).toEqual([]);
  });

  describe('builds on other services\' images', () => {
    const build = (ctx: { [name: string]: string }) => ({ context: '.', additionalContexts: ctx });

    test('accepts a service: context naming a service that builds, and scale 0 for the build-only one', () => {
      expect(validateComposeModel({
        services: { base: { image: 'b', imageBuild: { context: 'b' }, scale: 0 }, app: { image: 'a', imageBuild: build({ b: 'service:base' }) } },
      })).toEqual([]);
    });

    test.each([
      ['a missing service', { app: { image: 'a', imageBuild: build({ b: 'service:nope' }) } },
        'services.app.build.additional_contexts.b: service "nope" does not exist'],
      ['itself', { app: { image: 'a', imageBuild: build({ b: 'service:app' }) } },
        'services.app.build.additional_contexts.b: a service\'s build cannot use its own image'],
      ['a service that builds nothing', { app: { image: 'a', imageBuild: build({ b: 'service:db' }) }, db: { image: 'redis:8.0' } },
        'service "db" builds no image (give it a build, or use docker-image://redis:8.0)'],
      ['a cycle', { a: { image: 'a', imageBuild: build({ b: 'service:b' }) }, b: { image: 'b', imageBuild: build({ a: 'service:a' }) } },
        'build.additional_contexts: build cycle a => b => a'],
      ['a negative scale', { app: { image: 'a', scale: -1 } }, 'services.app.scale: -1 is not a number of containers'],
    ])('rejects a context or scale on %s', (_what, services, message) => {
      expect(validateComposeModel({ services } as ComposeFileModel)).toEqual([expect.stringContaining(message)]);
    });
  });

  describe('names', () => {
    test('rejects a project name compose does not accept', () => {
      expect(validateComposeModel({ name: 'Lucid Stack', services: {} }))
        .toEqual([expect.stringMatching(/^name: "Lucid Stack" is not a valid compose project name/)]);
    });

    test('rejects service, network, volume and secret names outside [a-zA-Z0-9._-]+', () => {
      // WHEN
      const problems = validateComposeModel({
        services: { 'my service': { image: 'x' }, 'ok.name_1-2': { image: 'x' } },
        networks: { 'front/end': {} },
        volumes: { 'da:ta': {} },
        secrets: { '': { file: 'x' } },
      });
      // THEN
      expect(problems).toEqual([
        'services.my service: "my service" is not a valid name (use letters, digits, dots, dashes and underscores: [a-zA-Z0-9._-]+)',
        expect.stringMatching(/^networks\.front\/end: "front\/end" is not a valid name/),
        expect.stringMatching(/^volumes\.da:ta: /),
        expect.stringMatching(/^secrets\.: "" is not a valid name/),
      ]);
    });

    test('rejects invalid profile names', () => {
      expect(problemsOf({ image: 'x', profiles: ['-dev'] })).toEqual([expect.stringMatching(/^services\.app\.profiles\[0\]: "-dev" is not a valid profile name/)]);
    });
  });

  describe('depends_on', () => {
    test('rejects a dependency on a service that does not exist', () => {
      expect(problemsOf({ image: 'x', dependsOn: { 'lucid-base': STARTED } }))
        .toEqual(['services.app.depends_on.lucid-base: service "lucid-base" does not exist']);
    });

    test('rejects a service depending on itself', () => {
      expect(problemsOf({ image: 'x', dependsOn: { app: STARTED } }))
        .toEqual(['services.app.depends_on.app: a service cannot depend on itself']);
    });

    test('reports a two-service cycle as a => b => a', () => {
      const problems = validateComposeModel({
        services: { b: { image: 'b', dependsOn: { a: STARTED } }, a: { image: 'a', dependsOn: { b: STARTED } } },
      });
      expect(problems).toEqual(['depends_on: dependency cycle a => b => a (remove one of these dependencies)']);
    });

    test('reports each cycle once, from its smallest name, and not the paths leading to it', () => {
      // GIVEN: entry -> c -> d -> e -> c, and x <-> y
      const problems = validateComposeModel({
        services: {
          entry: { image: 'x', dependsOn: { c: STARTED } },
          c: { image: 'x', dependsOn: { d: STARTED } },
          d: { image: 'x', dependsOn: { e: STARTED } },
          e: { image: 'x', dependsOn: { c: STARTED } },
          x: { image: 'x', dependsOn: { y: STARTED } },
          y: { image: 'x', dependsOn: { x: STARTED } },
        },
      });
      expect(problems).toEqual([
        'depends_on: dependency cycle c => d => e => c (remove one of these dependencies)',
        'depends_on: dependency cycle x => y => x (remove one of these dependencies)',
      ]);
    });

    test('rejects a dependency that a profile can disable while the dependent service runs', () => {
      // GIVEN / WHEN
      const problems = validateComposeModel({
        services: {
          always: { image: 'x', dependsOn: { dev: STARTED } },
          web: { image: 'x', profiles: ['web', 'debug'], dependsOn: { dev: STARTED } },
          dev: { image: 'x', profiles: ['web'] },
        },
      });
      // THEN
      expect(problems).toEqual([
        'services.always.depends_on.dev: "dev" is disabled when none of its profiles is active, where "always" runs and compose then fails (give "dev" the profiles of "always", or make the dependency required: false)',
        'services.web.depends_on.dev: "dev" is disabled under profile "debug", where "web" runs and compose then fails (give "dev" the profiles of "web", or make the dependency required: false)',
      ]);
    });

    test('accepts a profiled dependency that runs whenever the dependent runs, or that is not required', () => {
      expect(validateComposeModel({
        services: {
          web: { image: 'x', profiles: ['web'], dependsOn: { dev: STARTED, base: STARTED } },
          opt: { image: 'x', dependsOn: { dev: { ...STARTED, required: false } } },
          dev: { image: 'x', profiles: ['web', 'other'] },
          base: { image: 'x' },
        },
      })).toEqual([]);
    });

    test('accepts a diamond, which is not a cycle', () => {
      expect(validateComposeModel({
        services: {
          top: { image: 'x', dependsOn: { left: STARTED, right: STARTED } },
          left: { image: 'x', dependsOn: { bottom: STARTED } },
          right: { image: 'x', dependsOn: { bottom: STARTED } },
          bottom: { image: 'x' },
        },
      })).toEqual([]);
    });
  });

  describe('ports', () => {
    test('rejects target and published ports outside 1-65535 or not integers', () => {
      const problems = problemsOf({ image: 'x', ports: [{ target: 0 }, { target: 65536 }, { target: 80, published: 70000 }, { target: 80.5 }] });
      expect(problems).toEqual([
        'services.app.ports[0].target: 0 is out of range: use a whole number from 1 to 65535',
        'services.app.ports[1].target: 65536 is out of range: use a whole number from 1 to 65535',
        'services.app.ports[2].published: 70000 is out of range: use a whole number from 1 to 65535',
        'services.app.ports[3].target: 80.5 is out of range: use a whole number from 1 to 65535',
      ]);
    });

    test('accepts the bounds 1 and 65535', () => {
      expect(problemsOf({ image: 'x', ports: [{ target: 1, published: 65535 }] })).toEqual([]);
    });

    test('rejects a host IP that is not an address', () => {
      expect(problemsOf({ image: 'x', ports: [{ target: 80, hostIp: 'localhost' }] }))
        .toEqual(['services.app.ports[0].host_ip: "localhost" is not an IP address']);
    });

    test('rejects a host port published twice', () => {
      const problems = validateComposeModel({
        services: { a: { image: 'x', ports: [{ target: 80, published: 8080 }] }, b: { image: 'x', ports: [{ target: 81, published: 8080 }] } },
      });
      expect(problems).toEqual(['services.b.ports[0]: host port *:8080/tcp is already published by a.ports[0] (publish each host port once)']);
    });
  });

  describe('secrets', () => {
    test('rejects a service secret that is not declared at top level', () => {
      expect(problemsOf({ image: 'x', secrets: [{ source: 'db_password' }] }))
        .toEqual(['services.app.secrets[0]: secret "db_password" is not declared (add it to the file\'s secrets)']);
    });

    test('rejects a build secret that is not declared at top level', () => {
      expect(problemsOf({ imageBuild: { context: '.', secrets: [{ source: 'npmrc' }] } }))
        .toEqual(['services.app.build.secrets[0]: secret "npmrc" is not declared (add it to the file\'s secrets)']);
    });

    test('rejects non-numeric uid and gid and an impossible mode', () => {
      const problems = problemsOf({ image: 'x', secrets: [{ source: 's', uid: 'nonroot', gid: '-1', mode: 0o1000 }] }, { secrets: { s: { file: 's' } } });
      expect(problems).toEqual([
        'services.app.secrets[0].uid: "nonroot" is not a numeric id',
        'services.app.secrets[0].gid: "-1" is not a numeric id',
        'services.app.secrets[0].mode: 512 is not a file mode (0 to 0o777)',
      ]);
    });

    test('requires exactly one source for a top-level secret', () => {
      const problems = validateComposeModel({
        services: {},
        secrets: { both: { file: 'f', environment: 'E' }, none: {}, badenv: { environment: 'NOT-A-VAR' }, empty: { file: '' } },
      });
      expect(problems).toEqual([
        'secrets.both: set exactly one of file and environment (got both)',
        'secrets.none: set exactly one of file and environment (got neither)',
        'secrets.badenv.environment: "NOT-A-VAR" is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)',
        'secrets.empty.file: is empty (give the path of the file holding the secret)',
      ]);
    });
  });

  describe('networks', () => {
    test('rejects a network that is not declared', () => {
      expect(problemsOf({ image: 'x', networks: { backend: {} } }))
        .toEqual(['services.app.networks.backend: network "backend" is not declared (add it to the file\'s networks)']);
    });

    test('accepts the implicit default network', () => {
      expect(problemsOf({ image: 'x', networks: { default: {} } })).toEqual([]);
    });

    test('rejects network_mode together with networks', () => {
      expect(problemsOf({ image: 'x', networkMode: 'host', networks: { default: {} } }))
        .toEqual(['services.app: sets both network_mode and networks, which compose rejects (keep one of them)']);
    });

    test('rejects an unknown network mode and a service mode naming a missing service', () => {
      expect(problemsOf({ image: 'x', networkMode: 'hostt' })).toEqual([expect.stringMatching(/^services\.app\.network_mode: "hostt" is not a network mode/)]);
      expect(problemsOf({ image: 'x', networkMode: 'service:vpn' })).toEqual(['services.app.network_mode: service "vpn" does not exist']);
      expect(problemsOf({ image: 'x', networkMode: 'container:abc' })).toEqual([]);
    });
  });

  describe('volumes', () => {
    test('rejects a named volume that is not declared, a missing source, a tmpfs source and a relative target', () => {
      const problems = problemsOf({
        image: 'x',
        volumes: [
          { mountType: ComposeMountType.VOLUME, source: 'data', target: '/data' },
          { mountType: ComposeMountType.BIND, target: '/b' },
          { mountType: ComposeMountType.TMPFS, source: 'x', target: '/t' },
          { mountType: ComposeMountType.TMPFS, target: 'relative' },
        ],
      });
      expect(problems).toEqual([
        'services.app.volumes[0].source: volume "data" is not declared (add it to the file\'s volumes)',
        'services.app.volumes[1].source: a bind mount needs a source',
        'services.app.volumes[2].source: a tmpfs mount has no source',
        'services.app.volumes[3].target: "relative" is not an absolute path',
      ]);
    });
  });

  describe('health checks', () => {
    test('rejects a test that repeats the CMD keyword', () => {
      expect(problemsOf({ image: 'x', healthcheck: { test: ['CMD', '/probe'] } }))
        .toEqual(['services.app.healthcheck.test: starts with "CMD", but the test is the command alone (lucid-cdk writes the leading CMD)']);
      expect(problemsOf({ image: 'x', healthcheck: { test: ['CMD-SHELL', 'curl localhost'] } })).toHaveLength(1);
    });

    test('rejects an empty test, a missing test and a disabled check with a test', () => {
      expect(problemsOf({ image: 'x', healthcheck: { test: [] } })).toEqual([expect.stringMatching(/^services\.app\.healthcheck\.test: is empty/)]);
      expect(problemsOf({ image: 'x', healthcheck: {} })).toEqual([expect.stringMatching(/^services\.app\.healthcheck: has no test/)]);
      expect(problemsOf({ image: 'x', healthcheck: { disable: true, test: ['/p'] } })).toEqual([expect.stringMatching(/^services\.app\.healthcheck: sets both test and disable/)]);
    });

    test('rejects non-positive retries and invalid durations', () => {
      const problems = problemsOf({
        image: 'x',
        healthcheck: { test: ['/p'], retries: 0, interval: ComposeDuration.seconds(-1), startInterval: ComposeDuration.millis(0.5) },
        stopGracePeriod: ComposeDuration.millis(-5),
      });
      expect(problems).toEqual([
        'services.app.healthcheck.retries: 0 is not a positive integer',
        'services.app.healthcheck.interval: -1000ms is not a duration (a whole, non-negative number of milliseconds)',
        'services.app.healthcheck.start_interval: 0.5ms is not a duration (a whole, non-negative number of milliseconds)',
        'services.app.stop_grace_period: -5ms is not a duration (a whole, non-negative number of milliseconds)',
      ]);
    });
  });

  describe('service settings', () => {
    test('requires an image or a build', () => {
      expect(problemsOf({})).toEqual(['services.app: has neither image nor build (set image or imageBuild)']);
      expect(problemsOf({ image: ' ' })).toEqual(['services.app.image: is empty']);
      expect(problemsOf({ imageBuild: { context: '' } })).toEqual(['services.app.build.context: is empty (give the build context\'s path)']);
    });

    test('rejects a malformed user', () => {
      expect(problemsOf({ image: 'x', user: '65532 : 65532' })).toEqual([expect.stringMatching(/^services\.app\.user: "65532 : 65532" is not a user/)]);
      expect(problemsOf({ image: 'x', user: 'nonroot:nonroot' })).toEqual([]);
    });

    test('rejects lower-case capability names and duplicate list items', () => {
      const problems = problemsOf({ image: 'x', capDrop: ['all', 'ALL', 'ALL'], tmpfs: ['/tmp', '/tmp'], securityOpt: ['a', 'a'], profiles: ['p', 'p'] });
      expect(problems).toEqual([
        'services.app.cap_drop[0]: "all" is not a capability name (upper case, e.g. ALL or NET_BIND_SERVICE)',
        'services.app.cap_drop: "ALL" is listed more than once (compose requires unique items)',
        'services.app.security_opt: "a" is listed more than once (compose requires unique items)',
        'services.app.tmpfs: "/tmp" is listed more than once (compose requires unique items)',
        'services.app.profiles: "p" is listed more than once (compose requires unique items)',
      ]);
    });

    test('rejects a relative tmpfs path', () => {
      expect(problemsOf({ image: 'x', tmpfs: ['tmp'] })).toEqual(['services.app.tmpfs[0]: "tmp" is not an absolute path']);
    });

    test('rejects a PID limit that is neither positive nor -1', () => {
      expect(problemsOf({ image: 'x', pidsLimit: 0 })).toHaveLength(1);
      expect(problemsOf({ image: 'x', pidsLimit: 1.5 })).toHaveLength(1);
      expect(problemsOf({ image: 'x', pidsLimit: -1 })).toEqual([]);
    });

    test('rejects a stop signal that is not a signal', () => {
      expect(problemsOf({ image: 'x', stopSignal: 'TERM' })).toEqual(['services.app.stop_signal: "TERM" is not a signal (e.g. SIGTERM)']);
      expect(problemsOf({ image: 'x', stopSignal: 'SIGRTMIN+3' })).toEqual([]);
    });

    test('rejects environment names that are empty or hold "=", and empty label keys', () => {
      const problems = problemsOf({ image: 'x', environment: { '': 'a', 'A=B': 'b' }, labels: { ' ': 'c' } });
      expect(problems).toEqual([
        'services.app.environment: "" is not an environment variable name (non-empty, without "=")',
        'services.app.environment: "A=B" is not an environment variable name (non-empty, without "=")',
        'services.app.labels: has an empty key',
      ]);
    });
  });

  describe('characters', () => {
    test.each([
      ['NUL', '\0', 'U+0000'],
      ['DEL', 'a\x7f', 'U+007F'],
      ['NEL, a line break to YAML 1.1 parsers', 'a\u0085b', 'U+0085'],
      ['LINE SEPARATOR', 'a\u2028b', 'U+2028'],
      ['an unpaired surrogate', 'a\ud800', 'U+D800'],
      ['U+FFFE', '\ufffe', 'U+FFFE'],
    ])('rejects %s in a value, naming the character', (_name, value, code) => {
      expect(problemsOf({ image: 'x', environment: { V: value } }))
        .toEqual([`services.app.environment.V: contains ${code}, which a compose file cannot carry (remove it)`]);
    });

    test('rejects such characters in keys and reports compose paths', () => {
      expect(problemsOf({ image: 'x', labels: { 'a\u2029': 'v' }, healthcheck: { test: ['/p', 'x\x85'] } })).toEqual([
        'services.app.healthcheck.test[2]: contains U+0085, which a compose file cannot carry (remove it)',
        'services.app.labels: key "a\u2029" contains U+2029, which a compose file cannot carry (remove it)',
      ]);
    });

    test('accepts emoji, other scripts, tabs and newlines', () => {
      expect(problemsOf({ image: 'x', environment: { V: '😀 ∑ 日本 \t\n\r x' } })).toEqual([]);
    });
  });
});
