import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Testing } from '../../../../src';
import { legacyDockerfile, legacyRuntime } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-PATH3';

describe('JavaHomePortable (LUCID-PATH3)', () => {
  test('Noncompliance 1: seed 000\'s JAVA_HOME names amd64', () => {
    // GIVEN
    const app = Testing.app();
    const { builder } = legacyDockerfile(app, { builder: 'debian:12-slim', runtime: 'gcr.io/distroless/java17-debian13:nonroot' });
    builder.addEnv('JAVA_HOME', '/usr/lib/jvm/java-17-openjdk-amd64');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(builder), 'ENV JAVA_HOME="/usr/lib/jvm/java-17-openjdk-amd64"']]);
    expect(findings[0].fix).toContain('amd64 names one CPU architecture');
  });

  test('Noncompliance 2: one finding per ENV, for JAVA_HOME and for any value under /usr/lib/jvm', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, 'gcr.io/distroless/java21-debian13:nonroot');
    runtime.addEnv('JAVA_HOME', '/opt/jdk-21-aarch64');
    runtime.addEnv('PATH', '/usr/lib/jvm/temurin-21-jre-x86_64/bin:/usr/bin:/bin');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'ENV JAVA_HOME="/opt/jdk-21-aarch64"'],
      [pathOf(runtime), 'ENV PATH="/usr/lib/jvm/temurin-21-jre-x86_64/bin:/usr/bin:/bin"'],
    ]);
    expect(findings[1].fix).toContain('x86_64 names one CPU architecture');
  });

  test('Compliance: architecture-neutral Java paths, and architectures named outside Java paths', () => {
    // GIVEN
    const app = Testing.app();
    const stage = new Dockerfile(app, 'legacy').addStage('builder', { baseImage: BaseImage.fromRegistry('eclipse-temurin:21-jdk') });
    stage.addEnv('JAVA_HOME', '/opt/java/openjdk');
    stage.addEnv('JDK_PATH', '/usr/lib/jvm/default-java');
    stage.addEnv('TARGET_PLATFORM', 'linux/arm64');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
