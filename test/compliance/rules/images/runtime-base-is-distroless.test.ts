import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Testing } from '../../../../src';
import { DISTROLESS_PYTHON, legacyDockerfile, serviceOnPythonBase, shellless } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG1';

/** A new app with a bare two-stage Dockerfile whose runtime stage is built FROM `runtimeRef`. */
function legacy(runtimeRef: string) {
  const app = Testing.app();
  const runtimeHasShell = !runtimeRef.startsWith('gcr.io/distroless/');
  return { app, ...legacyDockerfile(app, { builder: 'python:3.11-slim', runtime: runtimeRef, runtimeHasShell, copies: ['/opt/venv'] }) };
}

describe('RuntimeBaseIsDistroless (LUCID-IMG1)', () => {
  test.each([
    'python:3.11-slim', 'debian:13-slim', 'ubuntu:24.04', 'alpine:3.20', 'node:22-slim', 'eclipse-temurin:21-jre', 'acme/runtime:1.0',
  ])('Noncompliance 1: a runtime stage FROM %s', (ref) => {
    // GIVEN
    const { app, runtime } = legacy(ref);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(runtime)]);
    expect(findings[0].value).toBe(`FROM "${ref}"`);
    expect(findings[0].fix).toContain('only in a builder stage');
    expect(findings[0].fix).toContain('gcr.io/distroless/');
  });

  test('Noncompliance 2: the fix names the distroless family of the same language', () => {
    // GIVEN / WHEN
    const fixOf = (ref: string) => findingsOf(legacy(ref).app, RULE)[0].fix;

    // THEN
    expect(fixOf('python:3.11-slim')).toContain('gcr.io/distroless/python3-debian13:nonroot');
    expect(fixOf('node:22-slim')).toContain('gcr.io/distroless/nodejs22-debian13:nonroot');
    expect(fixOf('eclipse-temurin:21-jre')).toContain('gcr.io/distroless/java21-debian13:nonroot');
    expect(fixOf('debian:13-slim')).toContain('gcr.io/distroless/static-debian13:nonroot');
  });

  test.each(['debug', 'debug-nonroot'])('Noncompliance 3: a distroless :%s runtime, which has a shell', (tag) => {
    // GIVEN
    const { app, runtime } = legacy(`gcr.io/distroless/python3-debian13:${tag}`);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(runtime)]);
    expect(findings[0].value).toBe(`FROM "gcr.io/distroless/python3-debian13:${tag}"`);
    expect(findings[0].fix).toContain('build the runtime FROM gcr.io/distroless/python3-debian13:nonroot');
  });

  test('Noncompliance 4: a runtime stage FROM an earlier stage that is not distroless', () => {
    // GIVEN FROM builder AS runtime
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry('python:3.11-slim') });
    const runtime = df.addStage('runtime', { baseImage: BaseImage.fromStage(builder) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN one finding, on the runtime stage, naming the image under the chain
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'FROM builder ("python:3.11-slim")']]);
  });

  test('Compliance: a distroless :nonroot runtime, whatever the builder uses', () => {
    // GIVEN
    const { app } = legacy(DISTROLESS_PYTHON);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a distroless runtime pinned by digest', () => {
    // GIVEN
    const { app } = legacy(`gcr.io/distroless/python3-debian13@sha256:${'a'.repeat(64)}`);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a runtime stage FROM an earlier stage that is distroless', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const base = df.addStage('base', { baseImage: shellless(DISTROLESS_PYTHON) });
    df.addStage('runtime', { baseImage: BaseImage.fromStage(base) });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a service built FROM a base image of the app', () => {
    // GIVEN
    const app = Testing.app();
    serviceOnPythonBase(app);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
