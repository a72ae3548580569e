import { defineLucidStack } from '../../../../examples/lucid/stack';
import { HealthCheck, ServiceRuntime, Testing } from '../../../../src';
import { DISTROLESS_PYTHON_DEBIAN12, legacyDockerfile, legacyRuntime, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-HC1';

describe('HealthCheckPresent (LUCID-HC1)', () => {
  test('Noncompliance 1: a service Dockerfile without HEALTHCHECK', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime), 'no HEALTHCHECK']]);
    expect(findings[0].fix).toContain('"/usr/bin/python3.11"');
  });

  test('Noncompliance 2: pgrep (seed 004\'s "system services") and curl: the fix names HealthCheck.http()', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12);
    runtime.useHealthcheck({ command: ['pgrep', 'uvicorn'] });
    const svc = lucidService(app, 'svc', { healthCheck: HealthCheck.exec(['/usr/bin/curl', '--fail', 'http://127.0.0.1:8080/health']) });

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
    const svc = lucidService(app, 'svc', { healthCheck: HealthCheck.exec(['/usr/local/bin/healthcheck']) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(svc.runtimeStage), 'HEALTHCHECK ["/usr/local/bin/healthcheck"]']]);
    expect(findings[0].fix).toContain('at /usr/local/bin/healthcheck');
  });

  test('Noncompliance 4: a bare name found in no PATH directory', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12);
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
    legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12).useHealthcheck({ command: ['python3', '-c', 'import requests; requests.get(\'http://localhost:8080/health\', timeout=5)'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a probe the Dockerfile copies in, and a name on the stage\'s own PATH', () => {
    // GIVEN
    const app = Testing.app();
    const { builder, runtime } = legacyDockerfile(app, { builder: 'golang:1.24', runtime: 'gcr.io/distroless/static-debian13:nonroot' });
    runtime.addCopy(['/go/bin/grpc_health_probe'], '/opt/tools/bin/', { fromStage: builder });
    runtime.addEnv('PATH', '/opt/tools/bin:/usr/bin:/bin');
    runtime.useHealthcheck({ command: ['grpc_health_probe', '-addr=:50051'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a HEALTHCHECK inherited from an image of the app', () => {
    // GIVEN a Dockerfile built FROM a service image of the app, which has a HEALTHCHECK
    const app = Testing.app();
    const svc = lucidService(app, 'svc');
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
    pythonBase(app);
    lucidService(app, 'py');
    lucidService(app, 'java', { runtime: ServiceRuntime.java() });
    lucidService(app, 'node', { runtime: ServiceRuntime.nodejs() });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
