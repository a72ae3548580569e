import { defineLucidStack } from '../../../../examples/lucid/stack';
import { ComplianceLevel, FoundationService, HealthCheck, Testing } from '../../../../src';
import { DIGEST, legacyDockerfile } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG5';

describe('BaseImageDigestPinned (LUCID-IMG5)', () => {
  test('Noncompliance 1: images pinned by tag only, as warnings', () => {
    // GIVEN
    const app = Testing.app();
    const { builder, runtime } = legacyDockerfile(app, {
      builder: 'debian:13-slim', runtime: 'gcr.io/distroless/python3-debian13:nonroot', copies: ['/opt/venv'],
    });
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
    legacyDockerfile(app, { builder: `debian@${DIGEST}`, runtime: `gcr.io/distroless/python3-debian13:nonroot@${DIGEST}`, copies: ['/opt/venv'] });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Noncompliance 2: the reference stack pins by tag, so it has these warnings (and only them)', () => {
    // GIVEN
    const app = defineLucidStack(Testing.project(), '.');

    // WHEN
    const findings = findingsOf(app, RULE).map(f => `${f.path.slice(app.node.path.length + 1)} ${f.value}`);

    // THEN images of the app (pickme/lucid-base:python-distroless and :java-distroless, the runtimes of the two services on a base) are not among them
    expect(findings).toEqual([
      'python-base/Dockerfile/builder FROM "debian:13-slim"',
      'python-base/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'java-base/Dockerfile/builder FROM "eclipse-temurin:21-jdk"',
      'java-base/Dockerfile/runtime FROM "gcr.io/distroless/cc-debian13:nonroot"',
      'general-base/Dockerfile/runtime FROM "gcr.io/distroless/base-debian13:nonroot"',
      'minimal-base/Dockerfile/runtime FROM "gcr.io/distroless/static-debian13:nonroot"',
      'redis/Dockerfile/builder FROM "debian:13-slim"',
      'redis/Dockerfile/runtime FROM "gcr.io/distroless/base-debian13:nonroot"',
      'mongodb image "mongo:8.0"',
      'elasticsearch image "docker.elastic.co/elasticsearch/elasticsearch:8.19.0"',
      'tor-proxy/Dockerfile/builder FROM "debian:13-slim"',
      'tor-proxy/Dockerfile/probe FROM "golang:1.24-trixie"',
      'tor-proxy/Dockerfile/runtime FROM "gcr.io/distroless/base-debian13:nonroot"',
      'api-gateway/Dockerfile/builder FROM "debian:13-slim"',
      'api-gateway/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'auth-service/Dockerfile/builder FROM "debian:13-slim"',
      'auth-service/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'session-recorder/Dockerfile/builder FROM "debian:13-slim"',
      'session-recorder/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'session-management/Dockerfile/builder FROM "debian:13-slim"',
      'session-management/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'session-processor/Dockerfile/builder FROM "debian:13-slim"',
      'session-processor/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'merkle-builder/Dockerfile/builder FROM "node:22-trixie-slim"',
      'merkle-builder/Dockerfile/runtime FROM "gcr.io/distroless/nodejs22-debian13:nonroot"',
      'blockchain-engine/Dockerfile/jre FROM "maven:3.9-eclipse-temurin-21"',
      'blockchain-engine/Dockerfile/builder FROM "maven:3.9-eclipse-temurin-21"',
      'blockchain-engine/Dockerfile/runtime FROM "gcr.io/distroless/cc-debian13:nonroot"',
      'blockchain-api/Dockerfile/jre FROM "maven:3.9-eclipse-temurin-21"',
      'blockchain-api/Dockerfile/builder FROM "maven:3.9-eclipse-temurin-21"',
      'blockchain-api/Dockerfile/runtime FROM "gcr.io/distroless/cc-debian13:nonroot"',
      'node-management/Dockerfile/builder FROM "maven:3.9-eclipse-temurin-21"',
      'rdp-services/Dockerfile/builder FROM "golang:1.24-trixie"',
      'rdp-services/Dockerfile/runtime FROM "gcr.io/distroless/static-debian13:nonroot"',
      'tron-payment/Dockerfile/builder FROM "debian:13-slim"',
      'tron-payment/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'governance/Dockerfile/builder FROM "debian:13-slim"',
      'governance/Dockerfile/runtime FROM "gcr.io/distroless/python3-debian13:nonroot"',
      'admin-ui/Dockerfile/builder FROM "node:22-trixie-slim"',
      'admin-ui/Dockerfile/runtime FROM "gcr.io/distroless/nodejs22-debian13:nonroot"',
    ]);
  });
});
