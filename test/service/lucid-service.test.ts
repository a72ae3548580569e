import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import {
  Compliance, FoundationService, HealthCheck, IStackService, Layer, LucidService, LucidServiceProps, Plane, RuntimeFamily, SecretSource,
  ServiceRuntime, Testing,
} from '../../src';
import { SynthesisError } from '../../src/core/errors';
import { DistrolessPythonBase, NodeBase } from '../../src/images';
import { parseStages } from '../util/dockerfile-facts';

function props(overrides: Partial<LucidServiceProps> = {}): LucidServiceProps {
  return {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'test service',
    directory: 'apps/svc',
    port: 8080,
    runtime: ServiceRuntime.python(),
    ...overrides,
  };
}

const problems = Testing.problems;

describe('LucidService', () => {
  test('a valid service synthesizes its Dockerfile, .dockerignore and compose entry', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'svc', props());

    // WHEN
    const files = Testing.synth(app);

    // THEN
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['apps/svc/Dockerfile', 'apps/svc/.dockerignore', 'docker-compose.yml']));
    expect(files['apps/svc/Dockerfile']).toContain('FROM gcr.io/distroless/python3-debian13:nonroot AS runtime');
  });

  test.each([
    ['a port out of range', props({ port: 70000 }), 'port 70000 is out of range'],
    ['a literal password in env', props({ env: { DB_PASSWORD: 'hunter2' } }), 'env DB_PASSWORD holds a literal secret'],
    ['credentials in a URL', props({ env: { MONGODB_URL: 'mongodb://lucid:lucid@lucid_mongo:27017/lucid' } }), 'env MONGODB_URL holds a URL with credentials'],
    ['an invalid env name', props({ env: { 'BAD-NAME': 'x' } }), 'env name "BAD-NAME" is not a valid variable name'],
    ['PORT in env', props({ env: { PORT: '1' } }), 'env PORT is set from the service\'s port'],
    ['a health check through a shell tool', props({ healthCheck: HealthCheck.exec(['curl', '-f', 'http://localhost/']) }), 'health check command starts with "curl"'],
    ['a health check timeout above its interval', props({ healthCheck: HealthCheck.http({ intervalSeconds: 2, timeoutSeconds: 5 }) }), 'must not exceed intervalSeconds'],
    ['a bad health check path', props({ healthCheck: HealthCheck.http({ path: 'health check' }) }), 'health check path "health check" must start with "/"'],
    ['a directory outside the app', props({ directory: '../elsewhere' }), 'directory "../elsewhere" must be a folder inside the app\'s folder'],
    ['an invalid image name', props({ imageName: 'Bad_Name' }), 'imageName "Bad_Name" is not a valid image name'],
    ['a secret from an environment variable (compose cannot inject it into a read-only container)',
      props({ secrets: [{ name: 'key', source: SecretSource.ENVIRONMENT, location: 'KEY' }] }), 'secret "key" comes from an environment variable'],
    ['a bad secret name', props({ secrets: [{ name: 'Bad Name', source: SecretSource.FILE, location: 'x' }] }), 'secret name "Bad Name"'],
  ])('%s is rejected, naming the construct path', (_what, p, message) => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'svc', p);

    // WHEN
    const found = problems(app);

    // THEN
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    expect(found.find(m => m.includes(message))).toMatch(/^\[[^\]]*Lucid\/svc[^\]]*\] /);
  });

  test('a service that depends on a higher layer is valid, and refused at synthesis by the compliance rule LUCID-LYR1', () => {
    // GIVEN
    const app = Testing.app();
    const ui = new LucidService(app, 'ui', props({ layer: Layer.ADVANCED, directory: 'apps/ui', port: 8081 }));
    new LucidService(app, 'gw', props({ dependsOn: [ui] }));

    // WHEN / THEN
    expect(app.validate()).toEqual([]);
    expect(problems(app)).toEqual([
      expect.stringMatching(/^\[.*Lucid\/gw\] LUCID-LYR1: .* Found: depends on ui \(layer 3\) from layer 0\./),
    ]);
  });

  test('a base image in dependsOn is a construct-path error, not a broken compose file', () => {
    // GIVEN a base image passed where a running service belongs (jsii users can pass any construct)
    const app = Testing.app();
    const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python' });
    new LucidService(app, 'gw', props({ dependsOn: [base as unknown as IStackService] }));

    // WHEN
    const found = problems(app);

    // THEN one problem, about gw, with the fix; nothing about depends_on.undefined
    expect(found).toEqual([expect.stringMatching(
      /^\[.*Lucid\/gw\] dependsOn "python-base" is a base image, not a running service: depend on a service .*built first automatically/)]);
    expect(found.join('\n')).not.toContain('undefined');
  });

  test('a dependency on a service of another app is rejected with the path and the fix', () => {
    // GIVEN
    const app = Testing.app();
    const elsewhere = new LucidService(Testing.app({ name: 'other' }), 'elsewhere', props({ directory: 'apps/x' }));
    new LucidService(app, 'gw', props({ dependsOn: [elsewhere] }));

    // WHEN / THEN
    expect(problems(app)).toEqual([expect.stringMatching(
      /^\[.*Lucid\/gw\] dependsOn "elsewhere" belongs to another app \(.*\): a service can only depend on services of its own app/)]);
  });

  describe('talksTo: who a service calls, apart from start-up order', () => {
    function tronAndMesh(extra: Partial<LucidServiceProps> = {}) {
      const app = Testing.app();
      const mesh = new LucidService(app, 'mesh-controller', props({ plane: Plane.OPS, directory: 'apps/mesh', port: 8500 }));
      const tron = new LucidService(app, 'tron-payment', props({ plane: Plane.WALLET, layer: Layer.SERVICE_INTEGRATION, directory: 'apps/tron', port: 8090, ...extra }));
      return { app, mesh, tron };
    }

    test('a wallet service talking to the ops mesh controller shares a network with it, without a start-up dependency', () => {
      // GIVEN
      const { app, mesh, tron } = tronAndMesh();
      tron.addTalksTo(mesh);

      // WHEN
      const model = app.compose.stackModel();

      // THEN
      const nets = (name: string) => Object.keys(model.services[name].networks ?? {});
      expect(nets('tron-payment').filter(n => nets('mesh-controller').includes(n))).toEqual(['ops']);
      expect(model.services['tron-payment'].dependsOn).toBeUndefined();
      expect(tron.talksTo).toEqual([mesh]);
      expect(problems(app)).toEqual([]);
    });

    test('without talksTo the two planes share no network (control)', () => {
      const { app } = tronAndMesh();
      const model = app.compose.stackModel();
      expect(Object.keys(model.services['tron-payment'].networks ?? {})).toEqual(['wallet']);
    });

    test('the talksTo prop does the same as addTalksTo, and a foundation service joins the caller\'s plane', () => {
      const app = Testing.app();
      const redis = FoundationService.redis(app, 'redis');
      const mesh = new LucidService(app, 'mesh-controller', props({ directory: 'apps/mesh', port: 8500 }));
      new LucidService(app, 'tron-payment', props({ plane: Plane.WALLET, directory: 'apps/tron', port: 8090, talksTo: [mesh, redis] }));
      const model = app.compose.stackModel();
      expect(Object.keys(model.services['tron-payment'].networks ?? {})).toEqual(['ops', 'wallet']);
      expect(Object.keys(model.services.redis.networks ?? {})).toEqual(['wallet']);
    });

    test.each([
      ['itself', (tron: LucidService) => tron, 'talksTo: a service cannot talk to itself'],
      ['a base image', (tron: LucidService) => new DistrolessPythonBase(tron.node.scope!, 'python-base', { directory: 'images/python' }) as unknown as IStackService,
        'talksTo "python-base" is a base image, not a running service'],
      ['a service of another app', () => new LucidService(Testing.app({ name: 'other' }), 'elsewhere', props({ directory: 'apps/x' })),
        'talksTo "elsewhere" belongs to another app'],
    ])('talking to %s is rejected with the path and the fix', (_what, target, message) => {
      // GIVEN
      const { app, tron } = tronAndMesh();
      tron.addTalksTo(target(tron));

      // WHEN
      const found = problems(app);

      // THEN
      expect(found).toEqual([expect.stringContaining(message)]);
      expect(found[0]).toMatch(/^\[[^\]]*Lucid\/tron-payment\] /);
    });
  });

  test('requirements cannot be added on top of a distroless base image', () => {
    // GIVEN
    const app = Testing.app();
    const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python' });
    new LucidService(app, 'svc', props({ runtime: ServiceRuntime.python({ baseImage: base, requirements: 'requirements.txt' }) }));

    // WHEN / THEN
    expect(problems(app)).toEqual([expect.stringContaining('cannot be installed on top of base')]);
  });

  test('two images with the same id anywhere in the app are rejected', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'svc', props());
    const nested = new Construct(app, 'nested');
    new LucidService(nested, 'svc', props({ directory: 'apps/other' }));

    // WHEN / THEN
    expect(problems(app).filter(m => m.includes('has the same id "svc"'))).toHaveLength(2);
  });

  test('every problem is reported at once and nothing is written', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'a', props({ port: 0 }));
    new LucidService(app, 'b', props({ directory: 'apps/b', env: { API_TOKEN: 'abc' } }));

    // WHEN
    let error: any;
    try {
      Testing.synth(app);
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(SynthesisError);
    expect(error.message).toMatch(/^lucid-cdk wrote nothing \(\d+ problems\):/);
    expect(error.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/Lucid\/a\] port 0 is out of range/),
      expect.stringMatching(/Lucid\/b\] env API_TOKEN holds a literal secret/),
    ]));
    expect(fs.existsSync(path.join(app.project.outdir, 'apps'))).toBe(false);
    expect(fs.existsSync(path.join(app.project.outdir, 'docker-compose.yml'))).toBe(false);
  });

  test('secrets reach compose as secrets and a *_FILE path, never as values in the image', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'svc', props({
      secrets: [{ name: 'db-password', source: SecretSource.FILE, location: 'secrets/db-password' }],
    }));

    // WHEN
    const files = Testing.synth(app);

    // THEN
    expect(files['apps/svc/Dockerfile']).not.toMatch(/DB_PASSWORD|db-password/);
    expect(files['docker-compose.yml']).toContain('DB_PASSWORD_FILE: /run/secrets/db-password');
    expect(files['docker-compose.yml']).toMatch(/secrets:\n {2}db-password:\n {4}file: secrets\/db-password/);
  });

  test('a dependency added after construction appears in compose (rendering is lazy)', () => {
    // GIVEN
    const app = Testing.app();
    const gw = new LucidService(app, 'gw', props());
    const auth = new LucidService(app, 'auth', props({ directory: 'apps/auth', port: 8081, layer: Layer.SESSION_PIPELINE }));

    // WHEN
    auth.addDependency(gw);
    const files = Testing.synth(app);

    // THEN
    expect(files['docker-compose.yml']).toMatch(/ {4}depends_on:\n {6}gw:\n {8}condition: service_healthy/);
  });

  test('a removed debian12 runtime is an error naming the construct and the debian13 family to move to, and nothing is written', () => {
    // GIVEN python3-debian12, whose images upstream removed on 2026-05-12
    const app = Testing.app();
    new LucidService(app, 'svc', props({ runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) }));

    // WHEN
    let error: any;
    try {
      Testing.synth(app);
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(SynthesisError);
    expect(error.problems).toEqual([expect.stringMatching(
      /^\[\S*\/Lucid\/svc\/Dockerfile\/runtime\] LUCID-IMG7: .*python3-debian12 was removed upstream on 2026-05-12.*Fix: move to the debian13 family python3-debian13 \(RuntimeFamily\.PYTHON3_DEBIAN13\)/,
    )]);
    expect(fs.existsSync(path.join(app.project.outdir, 'apps'))).toBe(false);
  });

  test('a removed debian12 runtime suppressed with a reason still renders, and the report keeps the reason', () => {
    // GIVEN
    const app = Testing.app();
    const svc = new LucidService(app, 'svc', props({ runtime: ServiceRuntime.python({ family: RuntimeFamily.PYTHON3_DEBIAN12 }) }));
    Compliance.suppress(svc, 'LUCID-IMG7', 'a mirror of the last python3-debian12 image is kept for this service');

    // WHEN
    const files = Testing.synth(app);

    // THEN
    expect(files['apps/svc/Dockerfile']).toContain('FROM gcr.io/distroless/python3-debian12:nonroot AS runtime');
    expect(files['apps/svc/Dockerfile']).toContain('/usr/bin/python3.11 -m venv /opt/venv');
    const [finding] = app.compliance.findings().filter(f => f.ruleId === 'LUCID-IMG7');
    expect(finding.suppressed).toBe(true);
    expect(finding.level).toBe('error');
  });

  test('a deprecated family (debian12 base, still published) only warns', () => {
    // GIVEN static-debian12 via a Go service, deprecated but not removed
    const app = Testing.app();
    new LucidService(app, 'svc', props({ runtime: ServiceRuntime.golang({ family: RuntimeFamily.STATIC_DEBIAN12 }) }));

    // WHEN
    const files = Testing.synth(app);

    // THEN
    expect(files['apps/svc/Dockerfile']).toContain('FROM gcr.io/distroless/static-debian12:nonroot AS runtime');
    const findings = app.compliance.findings().filter(f => f.ruleId.startsWith('LUCID-IMG7') || f.ruleId === 'LUCID-IMG8');
    expect(findings.map(f => `${f.ruleId} ${f.level}`)).toEqual(['LUCID-IMG8 warning']);
  });

  describe('env is written once per image chain', () => {
    /** Every ENV key of a Dockerfile's final stage and of the app images it is built on, with its repeats. */
    function envKeys(files: { [path: string]: string }, ...dockerfiles: string[]): string[] {
      return dockerfiles.flatMap(d => {
        const stages = parseStages(files[d]);
        return stages[stages.length - 1].instructions.filter(i => i.keyword === 'ENV').map(i => i.args.split('=')[0]);
      });
    }
    const repeats = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

    test('a service on a Python base does not repeat the base\'s env', () => {
      // GIVEN seed 004's required env, set on the service too
      const app = Testing.app();
      const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base' });
      new LucidService(app, 'svc', props({
        runtime: ServiceRuntime.python({ baseImage: base }),
        env: { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', SERVICE_PORT: '8080', REDIS_URL: 'redis://redis:6379/0' },
      }));

      // WHEN
      const files = Testing.synth(app);

      // THEN no key twice across the service and its base
      const keys = envKeys(files, 'apps/svc/Dockerfile', 'images/python-base/Dockerfile');
      expect(repeats(keys)).toEqual([]);
      expect(envKeys(files, 'apps/svc/Dockerfile')).toEqual(['PORT', 'SERVICE_PORT', 'REDIS_URL']);
    });

    test('a service on distroless directly does not repeat what its recipe sets', () => {
      // GIVEN
      const app = Testing.app();
      new LucidService(app, 'svc', props({ env: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', SERVICE_PORT: '8080' } }));

      // WHEN
      const keys = envKeys(Testing.synth(app), 'apps/svc/Dockerfile');

      // THEN
      expect(repeats(keys)).toEqual([]);
      expect(keys).toEqual(expect.arrayContaining(['PORT', 'SERVICE_PORT', 'PYTHONUNBUFFERED']));
    });

    test('a value different from the base\'s is an override and stays', () => {
      // GIVEN
      const app = Testing.app();
      const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base' });
      new LucidService(app, 'svc', props({ runtime: ServiceRuntime.python({ baseImage: base }), env: { PYTHONUNBUFFERED: '0' } }));

      // WHEN
      const text = Testing.synth(app)['apps/svc/Dockerfile'];

      // THEN
      expect(text).toContain('ENV PYTHONUNBUFFERED="0"\n');
    });

    test('a Node service on a Node base does not repeat NODE_ENV', () => {
      // GIVEN
      const app = Testing.app();
      const base = new NodeBase(app, 'node-base', { directory: 'images/node-base' });
      new LucidService(app, 'svc', props({ runtime: ServiceRuntime.nodejs({ baseImage: base }), env: { NODE_ENV: 'production' } }));

      // WHEN
      const files = Testing.synth(app);

      // THEN
      expect(repeats(envKeys(files, 'apps/svc/Dockerfile', 'images/node-base/Dockerfile'))).toEqual([]);
    });
  });

  describe('layer order: an app-only change rebuilds only the app layers', () => {
    test('Python: requirements are installed before the app code is copied', () => {
      // GIVEN / WHEN
      const app = Testing.app();
      new LucidService(app, 'svc', props({ runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }) }));
      const text = Testing.synth(app)['apps/svc/Dockerfile'];
      const [builder, runtime] = parseStages(text);

      // THEN the builder never sees the app; the runtime copies the venv before the app
      expect(builder.instructions.filter(i => i.keyword === 'COPY').map(i => i.args)).toEqual(['requirements.txt /tmp/requirements.txt']);
      expect(runtime.instructions.filter(i => i.keyword === 'COPY').map(i => i.args)).toEqual(['/opt/venv /opt/venv', 'app /app']);
      expect(text).toContain('COPY --from=builder /opt/venv /opt/venv\nCOPY --chown=0:0 app /app\n');
    });

    test('Node: npm ci runs on the manifests before the sources are copied', () => {
      // GIVEN / WHEN
      const app = Testing.app();
      new LucidService(app, 'svc', props({ runtime: ServiceRuntime.nodejs() }));
      const [builder] = parseStages(Testing.synth(app)['apps/svc/Dockerfile']);

      // THEN
      const l = builder.instructions.map(i => `${i.keyword} ${i.args}`);
      const ci = l.findIndex(x => x.includes('npm ci'));
      expect(l.indexOf('COPY package.json package-lock.json ./')).toBeLessThan(ci);
      expect(l.indexOf('COPY server.js ./server.js')).toBeGreaterThan(ci);
    });
  });

  test('synthesis is deterministic: the same tree gives the same bytes', () => {
    // GIVEN
    const build = () => {
      const app = Testing.app();
      const gw = new LucidService(app, 'gw', props({ env: { Z: '1', A: 'x y "z" $HOME \\ é' } }));
      new LucidService(app, 'ui', props({ directory: 'apps/ui', port: 8083, layer: Layer.ADVANCED, runtime: ServiceRuntime.nodejs(), dependsOn: [gw] }));
      FoundationService.redis(app, 'redis');
      return Testing.synth(app);
    };

    // WHEN / THEN
    expect(build()).toEqual(build());
  });
});

describe('FoundationService', () => {
  test('an unpinned image is rejected', () => {
    // GIVEN
    const app = Testing.app();
    FoundationService.redis(app, 'redis', { image: 'redis:latest' });

    // WHEN / THEN
    expect(problems(app)).toEqual([expect.stringMatching(/^\[.*Lucid\/redis\] image "redis:latest" is not pinned/)]);
  });

  test('a health check with a relative program is rejected, as HealthCheck.exec\'s docs say', () => {
    // GIVEN
    const app = Testing.app();
    new FoundationService(app, 'cache', { image: 'redis:8.0', port: 6379, healthCheck: HealthCheck.exec(['redis-cli', 'ping']) });

    // WHEN / THEN
    expect(problems(app)).toEqual([expect.stringMatching(
      /^\[.*Lucid\/cache\] health check command starts with "redis-cli": give the absolute path of a binary that exists in the image/)]);
  });

  test.each([
    ['redis', (app: Construct) => FoundationService.redis(app, 'x'), '/usr/local/bin/redis-cli'],
    ['mongodb', (app: Construct) => FoundationService.mongodb(app, 'x'), '/usr/bin/mongosh'],
    ['elasticsearch', (app: Construct) => FoundationService.elasticsearch(app, 'x'), '/usr/bin/curl'],
  ])('the %s preset probes with an absolute program of its official image', (_name, make, program) => {
    const app = Testing.app();
    const f = make(app);
    expect(f.healthCheck.command![0]).toBe(program);
    expect(problems(app)).toEqual([]);
  });

  test('presets run with their own health checks and data volumes', () => {
    // GIVEN
    const app = Testing.app();
    const mongo = FoundationService.mongodb(app, 'mongo');
    new LucidService(app, 'svc', props({ dependsOn: [mongo] }));

    // WHEN
    const compose = Testing.synth(app)['docker-compose.yml'];

    // THEN
    expect(compose).toContain('image: mongo:8.0');
    expect(compose).toMatch(/- type: volume\n\s+source: mongo-data\n\s+target: \/data\/db/);
    expect(compose).toMatch(/ {6}mongo:\n {8}condition: service_healthy/);
  });
});
