import { defineLucidStack } from '../../../../examples/lucid/stack';
import { FoundationService, HealthCheck, Layer, LucidApp, LucidService, ServiceRuntime, Testing } from '../../../../src';
import { lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-LYR1';

function service(app: LucidApp, id: string, layer: Layer, dependsOn: LucidService['dependsOn'] = []): LucidService {
  return lucidService(app, id, { layer, runtime: ServiceRuntime.nodejs(), dependsOn });
}

describe('LayerDirection (LUCID-LYR1)', () => {
  test('Noncompliance 1: a core support service that depends on an advanced one', () => {
    // GIVEN
    const app = Testing.app();
    const ui = service(app, 'ui', Layer.ADVANCED);
    const gw = service(app, 'gw', Layer.CORE_SUPPORT, [ui]);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(gw), 'depends on ui (layer 3) from layer 0']]);
    expect(findings[0].fix).toContain('gw (layer 0) may depend only on layers 0 to 0');
  });

  test('Noncompliance 2: one finding per dependency on a higher layer, foundation services included', () => {
    // GIVEN a session-pipeline service that depends on two higher layers and on a lower one
    const app = Testing.app();
    const search = new FoundationService(app, 'search', {
      image: 'redis:8.0', port: 6379, layer: Layer.SERVICE_INTEGRATION, healthCheck: HealthCheck.exec(['redis-cli', 'ping']),
    });
    const ui = service(app, 'ui', Layer.ADVANCED);
    const gw = service(app, 'gw', Layer.CORE_SUPPORT);
    const auth = service(app, 'auth', Layer.SESSION_PIPELINE, [search, ui, gw]);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(auth), 'depends on search (layer 2) from layer 1'],
      [pathOf(auth), 'depends on ui (layer 3) from layer 1'],
    ]);
  });

  test('Compliance: dependencies on the same and on lower layers', () => {
    // GIVEN
    const app = Testing.app();
    const redis = FoundationService.redis(app, 'redis');
    const gw = service(app, 'gw', Layer.CORE_SUPPORT, [redis]);
    const auth = service(app, 'auth', Layer.SESSION_PIPELINE, [gw, redis]);
    service(app, 'recorder', Layer.SESSION_PIPELINE, [auth]);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
