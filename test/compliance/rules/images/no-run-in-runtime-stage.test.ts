import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Testing } from '../../../../src';
import { legacyDockerfile } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG3';

describe('NoRunInRuntimeStage (LUCID-IMG3)', () => {
  test('Noncompliance 1: RUN in shell and in exec form, one finding each', () => {
    // GIVEN seed 002's "RUN pip install" after a base, and an exec-form step
    const app = Testing.app();
    const { runtime } = legacyDockerfile(app, { builder: 'debian:13-slim', runtime: 'python:3.13-slim', runtimeHasShell: true, copies: ['/opt/venv'] });
    runtime.addRun('pip install --no-cache-dir fastapi');
    runtime.addRunExec(['/usr/bin/python3', '-m', 'compileall', '/app']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'RUN "pip install --no-cache-dir fastapi"'],
      [pathOf(runtime), 'RUN ["/usr/bin/python3","-m","compileall","/app"]'],
    ]);
    expect(findings[0].fix).toContain('move this step into the builder stage ("builder") and COPY --from=builder');
  });

  test('Noncompliance 2: a single-stage Dockerfile, whose only stage is the runtime', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const runtime = df.addStage('app', { baseImage: BaseImage.fromRegistry('python:3.13-slim') });
    runtime.addRun('pip install fastapi');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(runtime)]);
  });

  test('Compliance: RUN in the builder stage only', () => {
    // GIVEN
    const app = Testing.app();
    const { builder } = legacyDockerfile(app, { builder: 'debian:13-slim', copies: ['/opt/venv'] });
    builder.addRun('apt-get update && apt-get install -y python3-venv');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
