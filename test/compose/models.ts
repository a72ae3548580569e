import {
  ComposeDependencyCondition, ComposeDuration, ComposeFileModel, ComposeMountType, ComposePortProtocol,
  ComposeRestartPolicy,
} from '../../src/compose';

/** A small stack using every field of the model: a gateway, an auth service, a session recorder and a job. */
export function lucidStack(): ComposeFileModel {
  const hardening = {
    user: '65532:65532',
    readOnly: true,
    capDrop: ['ALL'],
    securityOpt: ['no-new-privileges:true'],
    tmpfs: ['/tmp'],
    init: true,
    pidsLimit: 128,
    stopSignal: 'SIGTERM',
    stopGracePeriod: ComposeDuration.seconds(20),
    restart: ComposeRestartPolicy.UNLESS_STOPPED,
  };
  return {
    name: 'lucid',
    services: {
      'api-gateway': {
        ...hardening,
        image: 'pickme/lucid-api-gateway:latest',
        imageBuild: { context: 'services/api-gateway', dockerfile: 'Dockerfile', target: 'runtime', args: { PYTHON_VERSION: '3.13' }, labels: { 'org.lucid.plane': 'ops' } },
        command: ['/venv/bin/python3', '-m', 'gateway', '--port', '8080'],
        entrypoint: ['/venv/bin/python3'],
        capAdd: ['NET_BIND_SERVICE'],
        environment: { LOG_LEVEL: 'info', AUTH_URL: 'http://auth:8081', PASSWORD_HINT: 'pa$word' },
        ports: [{ target: 8080, published: 8080, hostIp: '127.0.0.1' }, { target: 9090, protocol: ComposePortProtocol.UDP }],
        networks: { frontend: {}, backend: { aliases: ['gateway'] } },
        dependsOn: {
          auth: { condition: ComposeDependencyCondition.SERVICE_HEALTHY, restart: true },
          migrate: { condition: ComposeDependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY, required: true },
        },
        healthcheck: {
          test: ['/venv/bin/python3', '-c', 'import urllib.request, sys; sys.exit(urllib.request.urlopen("http://localhost:8080/health").status != 200)'],
          interval: ComposeDuration.seconds(30),
          timeout: ComposeDuration.seconds(5),
          retries: 3,
          startPeriod: ComposeDuration.seconds(90),
          startInterval: ComposeDuration.millis(1500),
        },
        secrets: [{ source: 'jwt_key', target: 'jwt.pem', uid: '65532', gid: '65532', mode: 0o400 }],
        labels: { 'org.lucid.plane': 'ops', 'org.lucid.layer': '0', 'org.lucid.service': 'api-gateway', 'org.lucid.expose': '8080' },
        profiles: ['core'],
      },
      'auth': {
        ...hardening,
        image: 'pickme/lucid-auth:latest',
        environment: { MONGODB_URL_FILE: '/run/secrets/mongodb_url' },
        secrets: [{ source: 'mongodb_url' }],
        networks: { backend: {} },
        healthcheck: { test: ['/nodejs/bin/node', 'healthcheck.js'] },
        volumes: [{ mountType: ComposeMountType.VOLUME, source: 'auth-data', target: '/data' }],
      },
      'migrate': {
        image: 'pickme/lucid-migrate:latest',
        imageBuild: { context: 'jobs/migrate', secrets: [{ source: 'mongodb_url', target: 'mongodb_url' }] },
        networkMode: 'none',
        healthcheck: { disable: true },
        restart: ComposeRestartPolicy.NO,
        volumes: [{ mountType: ComposeMountType.TMPFS, target: '/scratch' }, { mountType: ComposeMountType.BIND, source: './migrations', target: '/migrations', readOnly: true }],
      },
    },
    networks: {
      frontend: {},
      backend: { internalOnly: true, labels: { 'org.lucid.plane': 'ops' } },
    },
    volumes: { 'auth-data': { labels: { 'org.lucid.service': 'auth' } } },
    secrets: {
      jwt_key: { file: 'secrets/jwt.pem' },
      mongodb_url: { environment: 'LUCID_MONGODB_URL' },
    },
  };
}

/** A build-only file of base images, as `docker-compose.base.yml` holds them. */
export function baseImages(): ComposeFileModel {
  return {
    name: 'lucid-base',
    services: {
      'python-base': {
        image: 'pickme/lucid-base:python-distroless-arm64',
        imageBuild: { context: 'base/python', target: 'runtime' },
        profiles: ['base'],
      },
      'java-base': {
        image: 'pickme/lucid-base:java-distroless-arm64',
        imageBuild: { context: 'base/java' },
        profiles: ['base'],
      },
    },
  };
}
