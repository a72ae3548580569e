import * as fs from 'fs';
import * as path from 'path';
import { defineLucidStack } from '../../../../examples/lucid/stack';
import { JavaBase, LucidApp, LucidService, ServiceRuntime, Testing } from '../../../../src';
import { referenceWithContexts, writeFile } from '../../../util/reference-stack-contexts';
import { legacyRuntime, lucidService } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-CTX1';

/** A Python service reading `app` and `requirements.txt` from its context, apps/api. */
function api(app: LucidApp): LucidService {
  return lucidService(app, 'api', { runtime: ServiceRuntime.python({ requirements: 'requirements.txt' }) });
}

describe('CopySourcesInContext (LUCID-CTX1)', () => {
  test('Noncompliance 1: a copied file missing from the context', () => {
    // GIVEN a context with the sources, but no requirements.txt
    const app = Testing.app();
    const service = api(app);
    writeFile(app, 'apps/api/app/main.py', 'print("hi")\n');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN one finding, on the image's Dockerfile
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(service.dockerfile), '"requirements.txt" does not exist in apps/api']]);
    expect(findings[0].fix).toBe('create apps/api/requirements.txt, or correct the path the Dockerfile copies');
  });

  test('Noncompliance 2: every missing source is its own finding', () => {
    // GIVEN an empty context
    const app = Testing.app();
    api(app);
    writeFile(app, 'apps/api/README.md');

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => f.value)).toEqual([
      '"app" does not exist in apps/api',
      '"requirements.txt" does not exist in apps/api',
    ]);
  });

  test('Noncompliance 3: a wildcard that matches nothing', () => {
    // GIVEN
    const app = Testing.app();
    const service = api(app);
    writeFile(app, 'apps/api/app/main.py');
    writeFile(app, 'apps/api/requirements.txt');
    writeFile(app, 'apps/api/conf/app.json');
    service.runtimeStage.addCopy(['conf/*.yaml'], '/etc/api/');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(service.dockerfile), '"conf/*.yaml" matches nothing in apps/api']]);
  });

  test('Noncompliance 4: a hand-written Dockerfile.dockerignore, which BuildKit prefers, excluding requirements.txt', () => {
    // GIVEN seed 000's defect: *.txt hides requirements.txt
    const app = Testing.app();
    const service = api(app);
    writeFile(app, 'apps/api/app/main.py');
    writeFile(app, 'apps/api/requirements.txt');
    writeFile(app, 'apps/api/Dockerfile.dockerignore', '*.txt\n');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(service.dockerfile), '"requirements.txt" is excluded by Dockerfile.dockerignore']]);
    expect(findings[0].fix).toContain('delete apps/api/Dockerfile.dockerignore');
  });

  test('Compliance: every source present, a wildcard matching, a hand-written .dockerignore ignored', () => {
    // GIVEN a .dockerignore that would hide requirements.txt: the app writes its own over it
    const app = Testing.app();
    const service = api(app);
    writeFile(app, 'apps/api/app/main.py');
    writeFile(app, 'apps/api/requirements.txt');
    writeFile(app, 'apps/api/conf/app.yaml');
    writeFile(app, 'apps/api/.dockerignore', '*.txt\n');
    service.runtimeStage.addCopy(['conf/*.y?ml'], '/etc/api/');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: a source the app generates into the context (the Java probe)', () => {
    // GIVEN java-base's context exists, without .lucid/HealthCheck.java on disk yet
    const app = Testing.app();
    new JavaBase(app, 'java-base', { directory: 'images/java-base' });
    writeFile(app, 'images/java-base/README.md');

    // WHEN
    const paths = pathsOf(app, RULE);

    // THEN
    expect(fs.existsSync(path.join(app.project.outdir, 'images/java-base/.lucid/HealthCheck.java'))).toBe(false);
    expect(paths).toEqual([]);
  });

  test('Not applicable: an image whose context does not exist (LUCID-CTX2), or a bare Dockerfile', () => {
    // GIVEN
    const app = Testing.app();
    api(app);
    legacyRuntime(app, 'gcr.io/distroless/static-debian13:nonroot').addCopy(['missing.txt'], '/missing.txt');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
    expect(pathsOf(app, 'LUCID-CTX2')).toHaveLength(1);
  });

  test('Compliance: the reference stack, with the files of examples/lucid, has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(referenceWithContexts(), RULE)).toEqual([]);
  });

  test('Noncompliance 5: the reference stack, without a file of its contexts', () => {
    // GIVEN
    const app = referenceWithContexts();
    fs.rmSync(path.join(app.project.outdir, 'apps/api-gateway/requirements.txt'));

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[`${app.node.path}/api-gateway/Dockerfile`, '"requirements.txt" does not exist in apps/api-gateway']]);
  });

  test('Not applicable: the reference stack in an empty project', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
