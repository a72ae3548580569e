import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Testing } from '../../../../src';
import { DIGEST, legacyDockerfile, shellless } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-USR2';

/** A new app with a bare two-stage Dockerfile whose runtime, FROM `runtimeRef`, sets USER 65532:65532. */
function legacy(runtimeRef: string) {
  const app = Testing.app();
  const { runtime } = legacyDockerfile(app, { builder: 'gcr.io/distroless/base-debian13:latest', runtime: runtimeRef, copies: ['/etc/ssl'] });
  runtime.addUser('65532:65532');
  return { app, runtime };
}

describe('DistrolessNonrootTag (LUCID-USR2)', () => {
  test.each([
    'gcr.io/distroless/base-debian13:latest',
    'gcr.io/distroless/base-debian13',
    `gcr.io/distroless/base-debian13:latest@${DIGEST}`,
  ])('Noncompliance 1: a distroless runtime FROM %s, which runs as root', (ref) => {
    // GIVEN even with USER 65532:65532 set
    const { app, runtime } = legacy(ref);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN one finding, on the runtime stage only (the builder may use any tag)
    expect(findings.map(f => [f.path, f.value])).toEqual([[pathOf(runtime), `FROM "${ref}"`]]);
    expect(findings[0].fix).toContain('use gcr.io/distroless/base-debian13:nonroot');
  });

  test('Noncompliance 2: a runtime FROM an earlier stage built on distroless :latest', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const base = df.addStage('base', { baseImage: shellless('gcr.io/distroless/static-debian13:latest') });
    const runtime = df.addStage('runtime', { baseImage: BaseImage.fromStage(base) });

    // WHEN / THEN
    expect(findingsOf(app, RULE).map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'FROM base ("gcr.io/distroless/static-debian13:latest")'],
    ]);
  });

  test.each([
    'gcr.io/distroless/base-debian13:nonroot',
    `gcr.io/distroless/base-debian13:nonroot@${DIGEST}`,
    `gcr.io/distroless/base-debian13@${DIGEST}`,
  ])('Compliance: a distroless runtime FROM %s', (ref) => {
    // GIVEN
    const { app } = legacy(ref);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Not applicable: a runtime that is not distroless (LUCID-IMG1 reports it)', () => {
    // GIVEN
    const { app } = legacy('python:3.13-slim');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
    expect(pathsOf(app, 'LUCID-IMG1')).toHaveLength(1);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
