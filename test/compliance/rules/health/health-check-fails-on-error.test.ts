import { defineLucidStack } from '../../../../examples/lucid/stack';
import { HealthCheck, HealthCheckFailsOnError, LucidApp, RuleOutcome, ServiceRuntime, Stage, Testing } from '../../../../src';
import { DISTROLESS_PYTHON, legacyRuntime, lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-HC2';

/** A bare Dockerfile `id` whose one stage, FROM `from`, probes its health with `command`. */
function probe(app: LucidApp, id: string, command: string[], from = DISTROLESS_PYTHON): Stage {
  return legacyRuntime(app, from, id).useHealthcheck({ command });
}

describe('HealthCheckFailsOnError (LUCID-HC2)', () => {
  test('Noncompliance 1: seed 004\'s requests.get() without a status check', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = probe(app, 'legacy', ['python3', '-c', 'import requests; requests.get(\'http://localhost:8080/health\', timeout=5)']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime),
      'HEALTHCHECK ["python3","-c","import requests; requests.get(\'http://localhost:8080/health\', timeout=5)"]']]);
    expect(findings[0].fix).toContain('requests is not installed');
    expect(findings[0].fix).toContain('HealthCheck.http()');
  });

  test('Noncompliance 2: requests with raise_for_status() still needs requests, which distroless lacks', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = probe(app, 'legacy', ['/usr/bin/python3', '-c', 'import requests; requests.get("http://127.0.0.1:8080/health").raise_for_status()']);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(runtime)]);
  });

  test('Noncompliance 3: urlopen and http.client without a look at the status', () => {
    // GIVEN
    const app = Testing.app();
    const a = probe(app, 'a', ['/usr/bin/python3', '-c', 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:8080/health", timeout=3)']);
    const b = probe(app, 'b', ['/usr/bin/python3', '-u', '-c', 'import http.client; c = http.client.HTTPConnection("127.0.0.1", 8080); c.request("GET", "/health"); c.getresponse()']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(a), pathOf(b)]);
    expect(findings[0].fix).toContain('200 <= r.status < 300');
  });

  test('Noncompliance 4: node\'s http.get and fetch without a look at the status', () => {
    // GIVEN
    const app = Testing.app();
    const node = 'gcr.io/distroless/nodejs22-debian13:nonroot';
    const a = probe(app, 'a', ['/nodejs/bin/node', '-e', 'require(\'http\').get(\'http://127.0.0.1:3000/health\', () => process.exit(0))'], node);
    const b = probe(app, 'b', ['/nodejs/bin/node', '--eval', 'fetch("http://127.0.0.1:3000/health").then(() => process.exit(0), () => process.exit(1))'], node);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(a), pathOf(b)]);
    expect(findings[0].fix).toContain('statusCode');
  });

  test('Compliance: inline probes that check the status', () => {
    // GIVEN
    const app = Testing.app();
    probe(app, 'a', ['/usr/bin/python3', '-c', 'import sys, urllib.request; sys.exit(0 if urllib.request.urlopen("http://127.0.0.1:8080/health").getcode() == 200 else 1)']);
    probe(app, 'b', ['/nodejs/bin/node', '-e', 'fetch("http://127.0.0.1:3000/health").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))'],
      'gcr.io/distroless/nodejs22-debian13:nonroot');
    // seed 004's Node template
    probe(app, 'c', ['node', '-e', 'require(\'http\').get(\'http://localhost:3000/health\', (res) => process.exit(res.statusCode === 200 ? 0 : 1))'],
      'gcr.io/distroless/nodejs22-debian13:nonroot');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: HealthCheck.http() on Python, Node, Java and Go (the Java and Go probes lucid-cdk compiles)', () => {
    // GIVEN
    const app = Testing.app();
    const services = [
      lucidService(app, 'py'),
      lucidService(app, 'node', { runtime: ServiceRuntime.nodejs() }),
      lucidService(app, 'java', { runtime: ServiceRuntime.java() }),
      lucidService(app, 'go', { runtime: ServiceRuntime.golang() }),
    ];
    const rule = new HealthCheckFailsOnError();

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
    expect(services.map(s => rule.evaluate(s.runtimeStage).outcome)).toEqual([
      RuleOutcome.COMPLIANT, RuleOutcome.COMPLIANT, RuleOutcome.COMPLIANT, RuleOutcome.COMPLIANT,
    ]);
  });

  test('Compliance: a program at the Go probe\'s path with other arguments is not taken for it', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'go', { runtime: ServiceRuntime.golang(), healthCheck: HealthCheck.exec(['/usr/local/bin/lucid-healthcheck', '--any']) });

    // WHEN / THEN
    expect(new HealthCheckFailsOnError().evaluate(svc.runtimeStage).outcome).toBe(RuleOutcome.NOT_APPLICABLE);
  });

  test('Compliance: other probes are not applicable, what they do with the answer cannot be read', () => {
    // GIVEN
    const app = Testing.app();
    const svc = lucidService(app, 'svc', { healthCheck: HealthCheck.exec(['/opt/venv/bin/python3', '/app/healthcheck.py']) });
    const legacy = probe(app, 'legacy', ['redis-cli', 'ping'], 'redis:8.0');

    // WHEN / THEN
    const rule = new HealthCheckFailsOnError();
    expect(rule.evaluate(svc.runtimeStage).outcome).toBe(RuleOutcome.NOT_APPLICABLE);
    expect(rule.evaluate(legacy).outcome).toBe(RuleOutcome.NOT_APPLICABLE);
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
