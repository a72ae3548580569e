import { defineLucidStack } from '../../../../examples/lucid/stack';
import {
  BaseImage, DistrolessPythonBase, Dockerfile, HealthCheck, Layer, LucidApp, LucidService, LucidServiceProps, Plane, ServiceRuntime, Stage, Testing,
} from '../../../../src';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-HC1';

function service(app: LucidApp, id: string, props: Partial<LucidServiceProps> = {}): LucidService {
  return new LucidService(app, id, {
    plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: id, directory: `apps/${id}`, port: 8080, runtime: ServiceRuntime.python(), ...props,
  });
}

function legacyRuntime(app: LucidApp, from = 'gcr.io/distroless/python3-debian12:nonroot'): Stage {
  return new Dockerfile(app, 'legacy').addStage('runtime', { from: BaseImage.fromRegistry(from, { hasShell: false }) });
}

describe('HealthCheckPresent (LUCID-HC1)', () => {
  test('Noncompliance 1: a service Dockerfile without HEALTHCHECK', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime), 'no HEALTHCHECK']]);
    expect(findings[0].fix).toContain('"/usr/bin/python3.11"');
  });

  test('Noncompliance 2: pgrep (seed 004\'s "system services") and curl: the fix names HealthCheck.http()', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app);
    runtime.useHealthcheck({ command: ['pgrep', 'uvicorn'] });
    const svc = service(app, 'svc', { healthCheck: HealthCheck.exec(['/usr/bin/curl', '--fail', 'http://127.0.0.1:8080/health']) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'HEALTHCHECK ["pgrep","uvicorn"]'],
      [pathOf(svc.runtimeStage), 'HEALTHCHECK ["/usr/bin/curl","--fail","http://127.0.0.1:8080/health"]'],
    ]);
    expect(findings[0].fix).toContain('HealthCheck.http()');
    expect(findings[1].fix).toContain('HealthCheck.http()');
  });

  test('Noncompliance 3: a probe by absolute path that the image does not have', () => {
    // GIVEN
    const app = Testing.app();
    const svc = service(app, 'svc', { healthCheck: HealthCheck.exec(['/usr/local/bin/healthcheck']) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(svc.runtimeStage), 'HEALTHCHECK ["/usr/local/bin/healthcheck"]']]);
    expect(findings[0].fix).toContain('at /usr/local/bin/healthcheck');
  });

  test('Noncompliance 4: a bare name found in no PATH directory', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app);
    runtime.useHealthcheck({ command: ['grpc_health_probe', '-addr=:50051'] });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'HEALTHCHECK ["grpc_health_probe","-addr=:50051"]']]);
    expect(findings[0].fix).toContain('in none of the PATH directories (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin)');
  });

  test('Compliance: python3 by name on distroless Python (seed 004) is /usr/bin/python3', () => {
    // GIVEN the seed's probe (LUCID-HC2 reports what it does with the answer)
    const app = Testing.app();
    legacyRuntime(app).useHealthcheck({ command: ['python3', '-c', 'import requests; requests.get(\'http://localhost:8080/health\', timeout=5)'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a probe the Dockerfile copies in, and a name on the stage\'s own PATH', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry('golang:1.24') });
    const runtime = df.addStage('runtime', { from: BaseImage.fromRegistry('gcr.io/distroless/static-debian13:nonroot', { hasShell: false }) });
    runtime.addCopy(['/go/bin/grpc_health_probe'], '/opt/tools/bin/', { from: builder });
    runtime.addEnv('PATH', '/opt/tools/bin:/usr/bin:/bin');
    runtime.useHealthcheck({ command: ['grpc_health_probe', '-addr=:50051'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a HEALTHCHECK inherited from an image of the app', () => {
    // GIVEN a Dockerfile built FROM a service image of the app, which has a HEALTHCHECK
    const app = Testing.app();
    const svc = service(app, 'svc');
    legacyRuntime(app, svc.imageRef);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: on an image outside the distroless catalogue, whose files are not known, a probe is taken as it is', () => {
    // GIVEN
    const app = Testing.app();
    legacyRuntime(app, 'redis:8.0').useHealthcheck({ command: ['redis-cli', 'ping'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: services on every runtime, and base images (not services) without HEALTHCHECK', () => {
    // GIVEN
    const app = Testing.app();
    new DistrolessPythonBase(app, 'python-base', { directory: 'images/python' });
    service(app, 'py');
    service(app, 'java', { runtime: ServiceRuntime.java() });
    service(app, 'node', { runtime: ServiceRuntime.nodejs() });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
