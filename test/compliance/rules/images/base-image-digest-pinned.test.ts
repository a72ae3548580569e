import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, ComplianceLevel, Dockerfile, FoundationService, HealthCheck, Testing } from '../../../../src';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG5';
const DIGEST = `sha256:${'0'.repeat(64)}`;

describe('BaseImageDigestPinned (LUCID-IMG5)', () => {
  test('Noncompliance 1: images pinned by tag only, as warnings', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry('debian:13-slim') });
    const runtime = df.addStage('runtime', { from: BaseImage.fromRegistry('gcr.io/distroless/python3-debian13:nonroot', { hasShell: false }) });
    runtime.addCopy(['/opt/venv'], '/opt/venv', { from: builder });
    const cache = new FoundationService(app, 'redis', { image: 'redis:8.0', port: 6379, healthCheck: HealthCheck.exec(['redis-cli', 'ping']) });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value, f.level])).toEqual([
      [pathOf(builder), 'FROM "debian:13-slim"', ComplianceLevel.WARNING],
      [pathOf(runtime), 'FROM "gcr.io/distroless/python3-debian13:nonroot"', ComplianceLevel.WARNING],
      [pathOf(cache), 'image "redis:8.0"', ComplianceLevel.WARNING],
    ]);
    expect(findings[0].fix).toContain('debian:13-slim@sha256:<digest>');
    expect(app.compliance.errors().filter(f => f.ruleId === RULE)).toEqual([]);
  });

  test('Compliance: references with a digest, with or without a tag', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const builder = df.addStage('builder', { from: BaseImage.fromRegistry(`debian@${DIGEST}`) });
    const runtime = df.addStage('runtime', { from: BaseImage.fromRegistry(`gcr.io/distroless/python3-debian13:nonroot@${DIGEST}`, { hasShell: false }) });
    runtime.addCopy(['/opt/venv'], '/opt/venv', { from: builder });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Noncompliance 2: the reference stack pins by tag, so it has these warnings (and only them)', () => {
    // GIVEN
    const app = defineLucidStack(Testing.project(), '.');

    // WHEN
    const findings = findingsOf(app, RULE).map(f => `${f.path.slice(app.node.path.length + 1)} ${f.value}`);

    // THEN images of the app (pickme/lucid-*-base:latest) are not among them
    expect(findings).toEqual([
      'python-base/Dockerfile/builder FROM "debian:13-slim"',
      'python-base/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'java-base/Dockerfile/builder FROM "eclipse-temurin:21-jdk"',
      'java-base/Dockerfile/runtime FROM "gcr.io/distroless/cc-debian13:nonroot"',
      'redis image "redis:8.0"',
      'api-gateway/Dockerfile/builder FROM "debian:13-slim"',
      'api-gateway/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'blockchain-api/Dockerfile/builder FROM "maven:3.9-eclipse-temurin-21"',
      'admin-ui/Dockerfile/builder FROM "node:22-trixie-slim"',
      'admin-ui/Dockerfile/runtime FROM "gcr.io/distroless/nodejs22-debian13:nonroot"',
    ]);
  });
});
