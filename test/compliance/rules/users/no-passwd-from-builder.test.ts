import { defineLucidStack } from '../../../../examples/lucid/stack';
import { BaseImage, Dockerfile, Stage, Testing } from '../../../../src';
import { legacyDockerfile, shellless } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-USR3';

/** A new app with a bare two-stage Dockerfile whose builder adds the user service_user, as seed 004 does. */
function legacy() {
  const app = Testing.app();
  const { builder, runtime } = legacyDockerfile(app, { builder: 'python:3.11-slim', runtime: 'gcr.io/distroless/python3-debian13:nonroot' });
  builder.addRun('adduser --disabled-password --gecos \'\' service_user');
  return { app, builder, runtime };
}

describe('NoPasswdFromBuilder (LUCID-USR3)', () => {
  test('Noncompliance 1: the seed\'s /etc/passwd and /etc/group copied from the builder, in one finding', () => {
    // GIVEN
    const { app, builder, runtime } = legacy();
    runtime.addCopy(['/etc/passwd'], '/etc/passwd', { fromStage: builder });
    runtime.addCopy(['/etc/group'], '/etc/group', { fromStage: builder });
    runtime.addCopy(['/app'], '/app', { fromStage: builder });

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[
      pathOf(runtime),
      'COPY --from=builder "/etc/passwd" "/etc/passwd"; COPY --from=builder "/etc/group" "/etc/group"',
    ]]);
    expect(findings[0].fix).toContain('USER 65532:65532');
  });

  test.each<[string, (r: Stage, b: Stage) => void]>([
    ['into /etc/, where it lands as /etc/passwd', (r, b) => r.addCopy(['/etc/passwd', '/etc/shadow'], '/etc/', { fromStage: b })],
    ['the whole /etc of the builder onto /etc', (r, b) => r.addCopy(['/etc'], '/etc', { fromStage: b })],
    ['the builder\'s whole file system onto /', (r, b) => r.addCopy(['/'], '/', { fromStage: b })],
    ['/etc from an image', (r) => r.addCopy(['/etc/'], '/etc/', { fromImage: 'debian:13-slim' })],
    ['a file of the build context onto /etc/gshadow', (r) => r.addCopy(['files/gshadow'], '/etc/gshadow')],
    ['relative to WORKDIR /etc', (r, b) => r.addWorkdir('/etc').addCopy(['/etc/group'], 'group', { fromStage: b })],
    ['with a wildcard', (r, b) => r.addCopy(['/etc/pass*'], '/etc/', { fromStage: b })],
  ])('Noncompliance 2: a copy %s', (_name, copy) => {
    // GIVEN
    const { app, builder, runtime } = legacy();
    copy(runtime, builder);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(runtime)]);
  });

  test.each<[string, (r: Stage, b: Stage) => void]>([
    ['the builder\'s /etc elsewhere', (r, b) => r.addCopy(['/etc'], '/opt/builder-etc', { fromStage: b })],
    ['/etc contents onto /, where passwd lands as /passwd', (r, b) => r.addCopy(['/etc'], '/', { fromStage: b })],
    ['other files into /etc', (r, b) => r.addCopy(['/etc/ssl/certs'], '/etc/ssl/certs', { fromStage: b })],
    ['a file named passwd elsewhere', (r, b) => r.addCopy(['/etc/passwd'], '/opt/passwd.builder', { fromStage: b })],
  ])('Compliance: a copy of %s', (_name, copy) => {
    // GIVEN
    const { app, builder, runtime } = legacy();
    copy(runtime, builder);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Not applicable: a builder stage may write its own /etc/passwd', () => {
    // GIVEN
    const app = Testing.app();
    const df = new Dockerfile(app, 'legacy');
    const users = df.addStage('users', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
    const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
    builder.addCopy(['/etc/passwd'], '/etc/passwd', { fromStage: users });
    df.addStage('runtime', { baseImage: shellless('gcr.io/distroless/static-debian13:nonroot') })
      .addCopy(['/app'], '/app', { fromStage: builder });

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
