import { defineLucidStack } from '../../../../examples/lucid/stack';
import { Testing } from '../../../../src';
import { DISTROLESS_PYTHON_DEBIAN12, legacyDockerfile, legacyRuntime, pythonBase } from '../../fixtures/builders';
import { findingsOf, pathOf, pathsOf } from '../../util';

const RULE = 'LUCID-PATH1';

describe('PythonVersionConsistent (LUCID-PATH1)', () => {
  test('Noncompliance 1: seed 004\'s PYTHONPATH names python3.12 in a 3.11 runtime', () => {
    // GIVEN
    const app = Testing.app();
    const runtime = legacyRuntime(app, DISTROLESS_PYTHON_DEBIAN12);
    runtime.addEnv('PYTHONPATH', '/app:/home/nonroot/.local/lib/python3.12/site-packages');

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.ruleId, f.path, f.value])).toEqual([[RULE, pathOf(runtime),
      'ENV PYTHONPATH="/app:/home/nonroot/.local/lib/python3.12/site-packages"']]);
    expect(findings[0].fix).toContain('runs Python 3.11');
    expect(findings[0].fix).toContain('lib/python3.11/site-packages');
  });

  test('Noncompliance 2: one finding per ENV, COPY, ENTRYPOINT, CMD and HEALTHCHECK that names another version', () => {
    // GIVEN a 3.13 runtime with paths written for 3.11 and 3.12
    const app = Testing.app();
    const { builder, runtime } = legacyDockerfile(app, { builder: 'python:3.12-slim', runtime: 'gcr.io/distroless/python3-debian13:nonroot' });
    runtime.addCopy(['/usr/local/lib/python3.12/site-packages'], '/opt/site-packages', { fromStage: builder });
    runtime.addEnv('PYTHONPATH', '/opt/site-packages');
    runtime.addEnv('PATH', '/opt/venv/bin:/usr/lib/python3.11/bin:/usr/bin');
    runtime.useHealthcheck({ command: ['/usr/bin/python3.11', '-c', 'print(1)'] });
    runtime.useEntrypoint(['/usr/bin/python3.12']);
    runtime.useCmd(['/opt/venv/lib/python3.12/site-packages/app/main.py']);

    // WHEN
    const findings = findingsOf(app, RULE);

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([
      [pathOf(runtime), 'COPY --from=builder "/usr/local/lib/python3.12/site-packages" "/opt/site-packages"'],
      [pathOf(runtime), 'ENV PATH="/opt/venv/bin:/usr/lib/python3.11/bin:/usr/bin"'],
      [pathOf(runtime), 'HEALTHCHECK ["/usr/bin/python3.11","-c","print(1)"]'],
      [pathOf(runtime), 'ENTRYPOINT ["/usr/bin/python3.12"]'],
      [pathOf(runtime), 'CMD ["/opt/venv/lib/python3.12/site-packages/app/main.py"]'],
    ]);
  });

  test('Noncompliance 3: a stage built FROM the app\'s Python base runs the base\'s version', () => {
    // GIVEN
    const app = Testing.app();
    const base = pythonBase(app);
    const runtime = legacyRuntime(app, base.imageRef);
    runtime.addEnv('PYTHONPATH', '/opt/venv/lib/python3.11/site-packages');

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([pathOf(runtime)]);
  });

  test('Compliance: the runtime\'s own version, and builders that are not on a Python runtime', () => {
    // GIVEN seed 004's copies of python3.11 into a 3.11 runtime (LUCID-PATH2 reports them), and a 3.12 builder
    const app = Testing.app();
    const { builder, runtime } = legacyDockerfile(app, {
      builder: 'python:3.12-slim', runtime: DISTROLESS_PYTHON_DEBIAN12, copies: ['/usr/local/lib/python3.11'],
    });
    builder.addEnv('PYTHONPATH', '/usr/local/lib/python3.12/site-packages');
    runtime.addEnv('PYTHONPATH', '/app:/opt/venv/lib/python3.11/site-packages');
    runtime.useEntrypoint(['/usr/bin/python3.11', '-m', 'app']);

    // WHEN / THEN
    expect(pathsOf(app, RULE)).toEqual([]);
  });

  test('Compliance: the reference stack has no finding', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(defineLucidStack(Testing.project(), '.'), RULE)).toEqual([]);
  });
});
