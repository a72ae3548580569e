import {
  Compliance, DistrolessPythonBase, FoundationService, HealthCheck, JavaBase, JavaBuildTool, Layer, LucidApp, LucidService,
  NodeBase, Plane, RuntimeFamily, ServiceRuntime, StaticBase, Testing,
} from '../../src';

/**
 * Everything lucid-cdk offers, in its default shape and its main variants, in one app: the constructs must
 * produce images that LUCID-STRICT accepts without a single error, so that only hand-written Dockerfiles and
 * explicit choices can break a rule.
 */
function everything(): LucidApp {
  const app = Testing.app();
  FoundationService.redis(app, 'redis');
  FoundationService.mongodb(app, 'mongo');
  FoundationService.elasticsearch(app, 'search');
  const pythonBase = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base', requirements: 'requirements.txt' });
  const javaBase = new JavaBase(app, 'java-base', { directory: 'images/java-base' });
  const jlinkBase = new JavaBase(app, 'jlink-base', { directory: 'images/jlink-base', jlinkModules: ['jdk.httpserver'] });
  const nodeBase = new NodeBase(app, 'node-base', { directory: 'images/node-base' });
  new StaticBase(app, 'static-base', { directory: 'images/static-base', binaries: ['/usr/bin/tini'] });

  let port = 9000;
  const service = (id: string, runtime: ServiceRuntime, healthCheck?: HealthCheck) => new LucidService(app, id, {
    plane: Plane.OPS, layer: Layer.ADVANCED, description: id, directory: `apps/${id}`, port: port++, runtime, healthCheck,
  });
  service('python', ServiceRuntime.python({ requirements: 'requirements.txt' }));
  service('python-on-base', ServiceRuntime.python({ baseImage: pythonBase }));
  service('python-module', ServiceRuntime.python({ module: 'app.main' }), HealthCheck.exec(['/usr/bin/python3', '-c', 'import sys; sys.exit(0)']));
  service('java', ServiceRuntime.java());
  service('java-gradle', ServiceRuntime.java({ buildTool: JavaBuildTool.GRADLE }));
  service('java-jlink', ServiceRuntime.java({ jlinkModules: ['jdk.httpserver'] }));
  service('java-on-base', ServiceRuntime.java({ baseImage: javaBase }));
  service('java-on-jlink-base', ServiceRuntime.java({ baseImage: jlinkBase }));
  service('node', ServiceRuntime.nodejs());
  service('node-on-base', ServiceRuntime.nodejs({ baseImage: nodeBase }));
  service('node-26', ServiceRuntime.nodejs({ family: RuntimeFamily.NODEJS26_DEBIAN13 }));
  service('go', ServiceRuntime.golang());
  service('go-cmd', ServiceRuntime.golang({ packagePath: './cmd/server', binaryName: 'server', moduleFiles: ['go.mod', 'go.sum'] }));
  return app;
}

describe('images and services lucid-cdk generates', () => {
  test('are valid and break no LUCID-STRICT rule', () => {
    // GIVEN
    const app = everything();

    // WHEN
    const errors = app.compliance.errors().map(Compliance.format);

    // THEN
    expect(app.validate()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('get only the digest-pinning and missing-context warnings', () => {
    const ids = new Set(everything().compliance.findings().map(f => f.ruleId));
    expect([...ids].sort()).toEqual(['LUCID-CTX2', 'LUCID-IMG5']);
  });
});
