import { defineLucidStack } from '../../../../examples/lucid/stack';
import { Testing } from '../../../../src';
import { legacyDockerfile, legacyRuntime, serviceOnPythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-USR1';

/** A new app with a bare two-stage Dockerfile whose runtime is built FROM `runtimeRef`, with USER `user` when given. */
function legacy(runtimeRef: string, user?: string) {
  const app = Testing.app();
  const { runtime } = legacyDockerfile(app, { builder: 'debian:13-slim', runtime: runtimeRef, copies: ['/opt/venv'] });
  if (user !== undefined) {
    runtime.addUser(user);
  }
  return { app, runtime };
}

describe('NonRootUser (LUCID-USR1)', () => {
  test.each(['root', '0', '0:0', 'service_user', '1000:1000', '65532:0'])('Noncompliance 1: USER %s', (user) => {
    // GIVEN
    const { app, runtime } = legacy('gcr.io/distroless/python3-debian13:nonroot', user);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), `USER "${user}"`]]);
    expect(findings[0].fix).toContain('USER 65532:65532');
  });

  test('Noncompliance 2: no USER on a distroless :latest runtime, which runs as root', () => {
    // GIVEN
    const { app, runtime } = legacy('gcr.io/distroless/base-debian13:latest');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'no USER, and FROM "gcr.io/distroless/base-debian13:latest" runs as "0"'],
    ]);
    expect(findings[0].fix).toContain('USER 65532:65532');
  });

  test('Noncompliance 3: no USER on an image outside the catalogue, root by default', () => {
    // GIVEN
    const { app, runtime } = legacy('python:3.13-slim');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'no USER, and FROM "python:3.13-slim" runs as root unless that image sets another user'],
    ]);
  });

  test('Noncompliance 4: USER root set after USER 65532: the last one counts', () => {
    // GIVEN
    const { app, runtime } = legacy('gcr.io/distroless/python3-debian13:nonroot', '65532:65532');
    runtime.addUser('root');

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'USER "root"']]);
  });

  test.each(['65532', '65532:65532', 'nonroot', 'nonroot:nonroot', '65532:nonroot', 'nonroot:65532'])('Compliance: USER %s', (user) => {
    // GIVEN
    const { app } = legacy('gcr.io/distroless/python3-debian13:nonroot', user);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: no USER on a distroless :nonroot runtime, which runs as 65532', () => {
    // GIVEN
    const { app } = legacy('gcr.io/distroless/python3-debian13:nonroot');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a service inheriting the user of a base image of the app', () => {
    // GIVEN a bare Dockerfile FROM the base image, without USER of its own
    const app = Testing.app();
    const { base } = serviceOnPythonBase(app);
    legacyRuntime(app, base.imageRef);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
