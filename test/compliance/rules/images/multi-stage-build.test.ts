import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, StaticBase, Testing } from '../../../../src';
import { legacyDockerfile, legacyRuntime, serviceOnPythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG2';

describe('MultiStageBuild (LUCID-IMG2)', () => {
  test('Noncompliance 1: a bare single-stage Dockerfile', () => {
    // GIVEN everything installed in the image that runs
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    df.addStage('runtime', { baseImage: BaseImage.fromRegistry('python:3.11-slim') }).addRun('pip install fastapi');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN one finding, on the Dockerfile
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(df), 'a single stage, FROM "python:3.11-slim"']]);
    expect(findings[0].fix).toContain('COPY --from=builder');
  });

  test('Noncompliance 2: a single distroless stage is still one stage', () => {
    // GIVEN
    const app = Testing.app();
    const df = legacyRuntime(app).addCopy(['app'], '/app').dockerfile;

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(df)]);
  });

  test('Noncompliance 3: a builder stage the runtime copies nothing from', () => {
    // GIVEN
    const app = Testing.app();
    const { dockerfile: df, builder, runtime } = legacyDockerfile(app, { builder: 'python:3.11-slim' });
    builder.addRun('pip install fastapi');
    runtime.addCopy(['app'], '/app');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(df), 'runtime stage "runtime" copies nothing from the stage before it (builder)']]);
  });

  test('Compliance: a runtime stage that copies from its builder', () => {
    // GIVEN
    const app = Testing.app();
    legacyDockerfile(app, { builder: 'debian:13-slim', copies: ['/opt/venv'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a one-stage service FROM a base image of the app, which is built in stages', () => {
    // GIVEN
    const app = Testing.app();
    const { service: api } = serviceOnPythonBase(app);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(api.dockerfile.stages).toHaveLength(1);
    expect(findings).toEqual([]);
  });

  test('Not applicable: base images, which others build FROM', () => {
    // GIVEN a base image with a single stage (no binaries to copy in)
    const app = Testing.app();
    const base = new StaticBase(app, 'static-base', { directory: 'images/static-base' });
    const df = legacyRuntime(app).dockerfile;

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN only the bare Dockerfile, which counts as a service, is reported
    expect(base.dockerfile.stages).toHaveLength(1);
    expect(paths).toEqual([pathOf(df)]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
