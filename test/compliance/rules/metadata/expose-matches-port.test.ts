import { defineLucidStack } from '../../../../examples/lucid/stack';
import { Layer, LucidApp, LucidService, LucidServiceProps, Protocol, ServiceRuntime, Testing } from '../../../../src';
import { DISTROLESS_PYTHON_DEBIAN12, legacyRuntime, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-NET1';

/** A session pipeline service on port 8081, so that 8080 is not its port. */
function service(app: LucidApp, id: string, props: Partial<LucidServiceProps> = {}): LucidService {
  return lucidService(app, id, { layer: Layer.SESSION_PIPELINE, port: 8081, ...props });
}

describe('ExposeMatchesPort (LUCID-NET1)', () => {
  test('Noncompliance 1: ports a base image of the app exposes are inherited by the service built on it', () => {
    // GIVEN a base that exposes seed 000's ports, and a service on port 8081 built on it
    const app = Testing.app();
    const base = pythonBase(app, { ports: [8000, 8080, 8443] });
    const auth = service(app, 'auth', { runtime: ServiceRuntime.python({ baseImage: base }) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN one finding on the service, none on the base (a base is no service)
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(auth.runtimeStage),
      'EXPOSE 8000/tcp (inherited from python-base), EXPOSE 8080/tcp (inherited from python-base), EXPOSE 8443/tcp (inherited from python-base)']]);
    expect(findings[0].fix).toContain('build python-base without exposing ports');
  });

  test('Noncompliance 2: a port exposed besides the service\'s own', () => {
    // GIVEN
    const app = Testing.app();
    const svc = service(app, 'svc');
    svc.runtimeStage.addExpose(9090, Protocol.UDP);

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([[pathOf(svc.runtimeStage), 'EXPOSE 9090/udp']]);
  });

  test('Noncompliance 3: an org.lucid.expose label other than the service\'s port', () => {
    // GIVEN
    const app = Testing.app();
    const svc = service(app, 'svc');
    svc.runtimeStage.addLabel('org.lucid.expose', '8080');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(svc.runtimeStage), 'LABEL org.lucid.expose="8080"']]);
    expect(findings[0].fix).toContain('org.lucid.expose="8081"');
  });

  test('Noncompliance 4: a Dockerfile whose EXPOSE is not the port its org.lucid.expose label declares', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, 'gcr.io/distroless/python3-debian13:nonroot');
    runtime.addLabel('org.lucid.expose', '8080');
    runtime.addExpose(3000);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN the extra port and the missing one
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'EXPOSE 3000/tcp'],
      [pathOf(runtime), 'no EXPOSE 8080'],
    ]);
  });

  test('Compliance: a service, directly on distroless or on a base image of the app that exposes nothing', () => {
    // GIVEN
    const app = Testing.app();
    const base = pythonBase(app);
    service(app, 'direct');
    service(app, 'on-base', { runtime: ServiceRuntime.python({ baseImage: base }) });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a Dockerfile without org.lucid.expose declares no port to compare with (LUCID-LBL1 reports the label)', () => {
    // GIVEN the seed 004 template's runtime: EXPOSE 8080, no label
    const app = Testing.app();
    legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12).addExpose(8080);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
    expect(pathsOf(app, 'LUCID-LBL1')).toHaveLength(1);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
