import { E2eReport, reportTables } from '../../src/e2e/report';

const REPORT: E2eReport = {
  startedAt: '2026-01-01T00:00:00.000Z',
  passed: false,
  totalSeconds: 300.5,
  images: [
    {
      name: 'java-base',
      platform: 'linux/amd64',
      service: null,
      sizeMb: 120.4,
      budgetMb: 150,
      uid: null,
      shell: false,
      healthy: null,
      structureTest: 'pass',
      buildSeconds: 12.3,
      digest: 'sha256:0123456789abcdef0123',
    },
    {
      name: 'node-management',
      platform: 'linux/amd64',
      service: 'node-management',
      sizeMb: 140,
      budgetMb: 150,
      uid: 65532,
      shell: false,
      healthy: true,
      structureTest: 'pass',
      buildSeconds: 30,
      digest: 'sha256:fedcba9876543210fedc',
    },
  ],
  buildChecks: [
    {
      set: 'app', target: 'java-base', seconds: 0.2, findings: 0, rules: [], skipped: [], experimental: ['CopyIgnoredFile'], expectedRules: [], ok: true, details: [],
    },
    {
      set: 'scripts/e2e/fixtures/build-check',
      target: 'noncompliant',
      seconds: 0.3,
      findings: 4,
      rules: ['CopyIgnoredFile', 'FromAsCasing', 'JSONArgsRecommended', 'SecretsUsedInArgOrEnv'],
      skipped: [],
      experimental: ['CopyIgnoredFile'],
      expectedRules: ['CopyIgnoredFile', 'FromAsCasing', 'JSONArgsRecommended', 'SecretsUsedInArgOrEnv'],
      ok: true,
      details: ['noncompliant: Dockerfile:1 FromAsCasing: \'as\' and \'FROM\' keywords\' casing do not match (https://docs.docker.com/go/dockerfile/rule/from-as-casing/)'],
    },
    {
      set: 'scripts/e2e/fixtures/build-check',
      target: 'suppressed',
      seconds: 0.2,
      findings: 0,
      rules: [],
      skipped: ['FromAsCasing', 'SecretsUsedInArgOrEnv', 'JSONArgsRecommended', 'CopyIgnoredFile'],
      experimental: [],
      expectedRules: [],
      ok: true,
      details: [],
    },
    {
      set: 'app',
      target: 'node-management',
      seconds: 0.1,
      findings: 0,
      rules: [],
      skipped: [],
      experimental: [],
      expectedRules: [],
      ok: false,
      details: [],
      error: 'unsupported context source target for pickme/lucid-base:java-distroless',
    },
  ],
  buildCheck: { engine: 'engine 28.5.2+dfsg4, Debian forky', seconds: 9.4 },
  registry: { manifests: {} },
  compose: { upSeconds: 40.2, downSeconds: 3.1, services: 16 },
  replay: [
    { workflow: 'examples/lucid/.github/workflows/images.yml', job: 'build-java-base', seconds: 20, ok: true, expectedOk: true, skipped: ['java-base-arm64'] },
    { workflow: 'scripts/e2e/fixtures/maven-cold-cache', job: 'build-app', seconds: 7, ok: false, expectedOk: false, skipped: [], error: 'ERROR: failed to solve' },
  ],
  cache: { bakeSeconds: 200, buildCacheMbAfterBake: 2048 },
  failures: ['x'],
};

describe('the e2e report', () => {
  test('has the shape e2e-report.json promises, per image and platform', () => {
    const json = JSON.parse(JSON.stringify(REPORT));
    expect(Object.keys(json).sort()).toEqual(['buildCheck', 'buildChecks', 'cache', 'compose', 'failures', 'images', 'passed', 'registry', 'replay', 'startedAt', 'totalSeconds']);
    for (const i of json.images) {
      expect(Object.keys(i).sort()).toEqual(['budgetMb', 'buildSeconds', 'digest', 'healthy', 'name', 'platform', 'service', 'shell', 'sizeMb', 'structureTest', 'uid']);
      expect(i.shell).toBe(false);
      expect(['pass', 'fail']).toContain(i.structureTest);
      expect(i.platform).toMatch(/^linux\/(amd64|arm64)$/);
    }
    expect(json.registry).toEqual({ manifests: {} });
    expect(Object.keys(json.replay[0]).sort()).toEqual(['expectedOk', 'job', 'ok', 'seconds', 'skipped', 'workflow']);
    // AND per bake target its build checks: the findings' count and rules
    expect(Object.keys(json.buildChecks[1]).sort()).toEqual(['details', 'expectedRules', 'experimental', 'findings', 'ok', 'rules', 'seconds', 'set', 'skipped', 'target']);
    expect(json.buildChecks[1]).toMatchObject({ findings: 4, rules: ['CopyIgnoredFile', 'FromAsCasing', 'JSONArgsRecommended', 'SecretsUsedInArgOrEnv'] });
  });

  test('prints a row per build-checked target: findings, rules, what was expected, what was skipped', () => {
    const text = reportTables(REPORT);
    expect(text).toMatch(/^build checks +target +findings +rules +expected +skipped +experimental on +seconds +result$/m);
    expect(text).toMatch(/^app +java-base +0 +- +none +- +CopyIgnoredFile +0\.2 +ok$/m);
    expect(text).toMatch(/^scripts\/e2e\/fixtures\/build-check +noncompliant +4 +(CopyIgnoredFile,FromAsCasing,JSONArgsRecommended,SecretsUsedInArgOrEnv +){2}- +CopyIgnoredFile +0\.3 +ok$/m);
    expect(text).toMatch(/^scripts\/e2e\/fixtures\/build-check +suppressed +0 +- +none +FromAsCasing,SecretsUsedInArgOrEnv,JSONArgsRecommended,CopyIgnoredFile +- +0\.2 +ok$/m);
    expect(text).toMatch(/^app +node-management +0 +- +none +- +- +0\.1 +ERROR$/m);
    expect(text).toContain('build checks: 4 targets on engine 28.5.2+dfsg4, Debian forky, 9.4 s');
  });

  test('prints a row per image and platform and per replayed job', () => {
    const text = reportTables(REPORT);
    expect(text).toMatch(/^node-management +linux\/amd64 +node-management +140\.0 +150 +65532 +no +yes +pass +30\.0 +fedcba987654$/m);
    expect(text).toMatch(/^java-base +linux\/amd64 +- +120\.4 +150 +- +no +- +pass/m);
    expect(text).toMatch(/^scripts\/e2e\/fixtures\/maven-cold-cache +build-app +7\.0 +failed +failed +-$/m);
    expect(text).toContain('registry manifests: none (no registry in the loop)');
    expect(text).toContain('replay: 27.0 s over 2 jobs; total 300.5 s');
  });
});
