import { defineLucidStack } from '../../../../examples/lucid/stack';
import { StaticBase, Testing } from '../../../../src';
import { legacyRuntime, pythonBase } from '../../fixtures/builders';
import { seed004PythonTemplate } from '../../fixtures/seed-004';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-PATH4';

describe('EntrypointExists (LUCID-PATH4)', () => {
  test('Noncompliance 1: seed 004\'s Node entrypoint /usr/local/bin/node, on distroless Node without copying it', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, 'gcr.io/distroless/nodejs20-debian12:nonroot');
    runtime.addCopy(['/app'], '/app', { fromImage: 'node:20-slim' });
    runtime.useEntrypoint(['/usr/local/bin/node', 'server.js']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime), 'ENTRYPOINT ["/usr/local/bin/node","server.js"]']]);
    expect(findings[0].fix).toContain('its node is /nodejs/bin/node. Use ENTRYPOINT ["/nodejs/bin/node","server.js"]');
  });

  test('Noncompliance 2: the CMD of an image without entrypoint runs a program that is not there', () => {
    // GIVEN distroless cc (no entrypoint of its own) and a CMD whose binary is never copied
    const app = Testing.app();
    const runtime = legacyRuntime(app, 'gcr.io/distroless/cc-debian13:nonroot');
    runtime.addWorkdir('/srv');
    runtime.useCmd(['./server', '--port', '8080']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'CMD ["./server","--port","8080"]']]);
    expect(findings[0].fix).toContain('at /srv/server');
  });

  test('Noncompliance 3: a service that starts nothing', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, 'gcr.io/distroless/static-debian13:nonroot');

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([[pathOf(runtime), 'no ENTRYPOINT or CMD']]);
  });

  test('Compliance: an entrypoint the Dockerfile copies in (seed 004\'s Python template; LUCID-PATH2 reports the copy)', () => {
    // GIVEN
    const app = Testing.app();
    seed004PythonTemplate(app);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the image\'s own entrypoint, a bare name on PATH, and a relative path to a copied file', () => {
    // GIVEN
    const app = Testing.app();
    legacyRuntime(app, 'gcr.io/distroless/python3-debian13:nonroot', 'own').useCmd(['/app/main.py']);
    legacyRuntime(app, 'gcr.io/distroless/python3-debian13:nonroot', 'by-name').useEntrypoint(['python3', '-m', 'http.server']);
    const copied = legacyRuntime(app, 'gcr.io/distroless/static-debian13:nonroot', 'copied');
    copied.addCopy(['server'], '/srv/server');
    copied.addWorkdir('/srv');
    copied.useEntrypoint(['./server']);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: an entrypoint inherited from a base image of the app, and images outside the catalogue', () => {
    // GIVEN
    const app = Testing.app();
    const base = pythonBase(app);
    legacyRuntime(app, base.imageRef, 'on-base').useCmd(['/app/main.py']);
    legacyRuntime(app, 'redis:8.0', 'redis').useEntrypoint(['redis-server']);
    // a base image with no entrypoint is not a service: it has nothing to start of its own
    new StaticBase(app, 'static', { directory: 'images/static' });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
