import { ComplianceLevel, JavaBase, Layer, LucidApp, LucidService, Plane, ServiceRuntime, Testing } from '../../../../src';
import { referenceWithContexts, writeFile } from '../../../util/reference-stack-contexts';
import { legacyRuntime, lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-CTX2';

function ui(app: LucidApp): LucidService {
  return lucidService(app, 'ui', { plane: Plane.GUI, layer: Layer.ADVANCED, port: 8083, runtime: ServiceRuntime.nodejs() });
}

describe('ContextDirectoryExists (LUCID-CTX2)', () => {
  test('Noncompliance 1: an image whose build context does not exist, as a warning', () => {
    // GIVEN
    const app = Testing.app({ outdir: 'stack' });
    const service = ui(app);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN named relative to the project, on the image
    expect(findings.map(f => [f.path, f.value, f.level])).toEqual([
      [pathOf(service), 'build context "stack/apps/ui" does not exist', ComplianceLevel.WARNING],
    ]);
    expect(findings[0].fix).toBe('create stack/apps/ui with what the Dockerfile reads from it (package-lock.json, package.json, server.js), ' +
      'or correct the image\'s directory');
    expect(app.compliance.warnings().some(w => w.includes(RULE))).toBe(true);
  });

  test('Compliance: an image whose build context exists', () => {
    // GIVEN
    const app = Testing.app({ outdir: 'stack' });
    ui(app);
    writeFile(app, 'apps/ui/server.js');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: an image that reads from its context only files the app generates there', () => {
    // GIVEN java-base, which copies only its generated .lucid/HealthCheck.java, in an empty project
    const app = Testing.app();
    const base = new JavaBase(app, 'java-base', { directory: 'images/java-base' });

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN synthesis creates the folder with everything the build needs
    expect(base.dockerfile.contextSources()).toEqual(['.lucid/HealthCheck.java']);
    expect(paths).toEqual([]);
  });

  test('Not applicable: a bare Dockerfile, which has no build context of its own', () => {
    // GIVEN
    const app = Testing.app();
    legacyRuntime(app, 'gcr.io/distroless/static-debian13:nonroot');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack, with the files of examples/lucid, has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(referenceWithContexts(), RULE)).toEqual([]);
  });
});
