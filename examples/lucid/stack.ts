import { Project } from 'projen';
import {
  DistrolessPythonBase, FoundationService, HealthCheck, JavaBase, Layer, LucidApp, LucidService, Plane, SecretSource, ServiceRuntime,
} from '../../src';

/**
 * The Lucid reference stack: the Python and Java base images, a Redis foundation service, and five services
 * across the planes and layers (Python, Java, Node.js and Go), each with a tiny real app under `apps/`.
 */
export function defineLucidStack(project: Project, outdir = 'examples/lucid'): LucidApp {
  const app = new LucidApp(project, 'Lucid', { outdir, name: 'lucid' });

  const pythonBase = new DistrolessPythonBase(app, 'python-base', {
    directory: 'images/python-base',
    requirements: 'requirements.txt',
  });
  // A jlink runtime with only the modules the services use keeps the Java images under their 150 MB budget.
  const javaBase = new JavaBase(app, 'java-base', { directory: 'images/java-base', jlinkModules: ['jdk.httpserver'] });

  // A foundation service: an upstream image with its own health check, that Lucid services depend on.
  const redis = FoundationService.redis(app, 'redis');

  const gateway = new LucidService(app, 'api-gateway', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'Lucid API gateway: the single entry point of the stack',
    directory: 'apps/api-gateway',
    port: 8080,
    runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }),
    env: { LOG_LEVEL: 'info' },
  });

  // A static Go binary on distroless static, probed by the Go health probe lucid-cdk compiles next to it.
  new LucidService(app, 'tor-proxy-controller', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'Lucid Tor proxy controller',
    directory: 'apps/tor-proxy-controller',
    port: 8084,
    runtime: ServiceRuntime.golang({ sources: ['main.go'] }),
  });

  const auth = new LucidService(app, 'auth-service', {
    plane: Plane.OPS,
    layer: Layer.SESSION_PIPELINE,
    description: 'Lucid authentication service',
    directory: 'apps/auth-service',
    port: 8081,
    runtime: ServiceRuntime.python({ baseImage: pythonBase }),
    secrets: [{ name: 'jwt-signing-key', source: SecretSource.FILE, location: 'secrets/jwt-signing-key' }],
    dependsOn: [gateway, redis],
    env: { REDIS_URL: 'redis://redis:6379/0' },
  });

  new LucidService(app, 'blockchain-api', {
    plane: Plane.CHAIN,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'Lucid blockchain API',
    directory: 'apps/blockchain-api',
    port: 8082,
    runtime: ServiceRuntime.java({ baseImage: javaBase }),
    healthCheck: HealthCheck.http({ path: '/health', startPeriodSeconds: 30 }),
    dependsOn: [auth],
  });

  new LucidService(app, 'admin-ui', {
    plane: Plane.GUI,
    layer: Layer.ADVANCED,
    description: 'Lucid admin UI',
    directory: 'apps/admin-ui',
    port: 8083,
    runtime: ServiceRuntime.nodejs(),
    dependsOn: [gateway, auth],
  });

  return app;
}
