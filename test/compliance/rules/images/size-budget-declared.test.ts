import { defineLucidStack } from '../../../../examples/lucid/stack';
import { LucidApp, LucidService, ServiceRuntime, Testing } from '../../../../src';
import { legacyRuntime, lucidService, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-IMG6';

function api(app: LucidApp, sizeBudgetMb?: number): LucidService {
  return lucidService(app, 'api', { runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }), sizeBudgetMb });
}

describe('SizeBudgetDeclared (LUCID-IMG6)', () => {
  test('Noncompliance 1: a bare Dockerfile has no budget', () => {
    // GIVEN
    const app = Testing.app();
    const df = legacyRuntime(app, 'gcr.io/distroless/static-debian13:nonroot').dockerfile;

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => f.path)).toEqual([pathOf(df)]);
    expect(findings[0].value).toBe('Dockerfile "legacy" is not part of a Lucid image, so it has no size budget');
    expect(findings[0].fix).toContain('build it as a Lucid image');
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('Noncompliance 2: a Lucid image with sizeBudgetMb %p', (budget) => {
    // GIVEN
    const app = Testing.app();
    const service = api(app, budget);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN on the image's Dockerfile
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(service.dockerfile), `sizeBudgetMb ${budget}`]]);
  });

  test('Compliance: Lucid images with an explicit or a derived budget', () => {
    // GIVEN
    const app = Testing.app();
    const service = api(app, 80);
    const base = pythonBase(app);

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN
    expect([service.sizeBudgetMb, base.sizeBudgetMb]).toEqual([80, 100]);
    expect(paths).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
