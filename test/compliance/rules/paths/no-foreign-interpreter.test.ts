import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, JavaBase, ServiceRuntime, StaticBase, Testing } from '../../../../src';
import { legacyDockerfile, lucidService, shellless } from '../../fixtures/builders';
import { seed004PythonTemplate } from '../../fixtures/seed-004';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-PATH2';

describe('NoForeignInterpreter (LUCID-PATH2)', () => {
  test('Noncompliance 1: seed 004\'s /usr/local Python and uvicorn copied into distroless Python are one finding', () => {
    // GIVEN
    const app = Testing.app();
    const df = seed004PythonTemplate(app);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(df.finalStage!),
      'COPY --from=builder "/usr/local/lib/python3.11" "/usr/local/lib/python3.11"; '
      + 'COPY --from=builder "/usr/local/bin/python3.11" "/usr/local/bin/python3.11"; '
      + 'COPY --from=builder "/usr/local/bin/uvicorn" "/usr/local/bin/uvicorn"']]);
    expect(findings[0].fix).toContain('debian:12-slim + python3-venv: /usr/bin/python3.11 -m venv /opt/venv');
  });

  test('Noncompliance 2: seed 004\'s Node template copies node, and its global modules, into distroless Node', () => {
    // GIVEN
    const app = Testing.app();
    const { runtime } = legacyDockerfile(app, {
      id: 'seed-004-node',
      builder: 'node:20-slim',
      runtime: 'gcr.io/distroless/nodejs20-debian12:nonroot',
      copies: ['/usr/local/lib/node_modules', '/usr/local/bin/node', '/app'],
    });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime),
      'COPY --from=builder "/usr/local/lib/node_modules" "/usr/local/lib/node_modules"; COPY --from=builder "/usr/local/bin/node" "/usr/local/bin/node"']]);
    expect(findings[0].fix).toContain('/nodejs/bin/node');
  });

  test('Noncompliance 3: a JDK copied into distroless Java, and /usr/local copied from an image', () => {
    // GIVEN
    const app = Testing.app();
    const { runtime } = legacyDockerfile(app, {
      builder: 'eclipse-temurin:21-jdk', runtime: 'gcr.io/distroless/java21-debian13:nonroot', copies: ['/opt/java/openjdk'],
    });
    runtime.addCopy(['/usr/local/'], '/usr/local/', { fromImage: 'python:3.13-slim' });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime),
      'COPY --from=builder "/opt/java/openjdk" "/opt/java/openjdk"; COPY --from=python:3.13-slim "/usr/local/" "/usr/local/"']]);
    expect(findings[0].fix).toContain('/usr/bin/java');
  });

  test('Compliance: services and bases that copy a venv, an app folder or a jar', () => {
    // GIVEN
    const app = Testing.app();
    for (const [id, runtime] of [['py', ServiceRuntime.python()], ['node', ServiceRuntime.nodejs()], ['java', ServiceRuntime.java()]] as const) {
      lucidService(app, id, { runtime });
    }
    new JavaBase(app, 'java-base', { directory: 'images/java', jlinkModules: ['jdk.httpserver'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: runtimes without an interpreter of their own (static, base, cc) and builder stages are not checked', () => {
    // GIVEN a static base that copies a builder's /usr/local/bin, and a builder that copies from another
    const app = Testing.app();
    new StaticBase(app, 'tools', { directory: 'images/tools', binaries: ['/usr/local/bin/tool'] })
      .runtimeStage.addCopy(['/usr/local/bin/tool'], '/usr/local/bin/tool', { fromImage: 'python:3.13-slim' });
    const df = new Dockerfile(app, 'legacy');
    const deps = df.addStage('deps', { baseImage: BaseImage.fromRegistry('python:3.13-slim') });
    const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry('python:3.13-slim') });
    builder.addCopy(['/usr/local/lib/python3.13'], '/usr/local/lib/python3.13', { fromStage: deps });
    df.addStage('runtime', { baseImage: shellless('gcr.io/distroless/python3-debian13:nonroot') })
      .addCopy(['/app'], '/app', { fromStage: builder });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
