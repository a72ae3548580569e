import { Construct } from 'constructs';
import { builderAndRuntime, newDockerfile } from './util';
import { formatProblem } from '../../src/core/errors';
import { BaseImage, Dockerfile, MountType, Stage } from '../../src/dockerfile';

const B = '[app/Dockerfile/builder] ';
const R = '[app/Dockerfile/runtime] ';

describe('validation', () => {
  test('a well-formed Dockerfile has no problems', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    builder.addRun('apt-get update');
    runtime.addCopy(['/venv'], '/venv', { fromStage: builder });

    // WHEN / THEN
    expect(df.validate()).toEqual([]);
  });

  test('shell-form RUN in a stage without a shell is rejected, naming the image and the fix', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addRun('pip install requests');

    // WHEN / THEN
    expect(df.validate()).toEqual([
      R + 'RUN "pip install requests" needs a shell, but gcr.io/distroless/python3-debian13:nonroot has none: ' +
        'run it in a builder stage and COPY --from the result',
    ]);
  });

  test('exec-form RUN is allowed in a stage without a shell', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addRunExec(['/venv/bin/python3', '-m', 'compileall', '/app']);

    // WHEN / THEN
    expect(df.validate()).toEqual([]);
  });

  test('a stage built from a shell-less stage has no shell either', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    const child = df.addStage('child', { baseImage: BaseImage.fromStage(runtime) });
    child.addRun('ls');

    // WHEN / THEN
    expect(child.hasShell).toBe(false);
    expect(df.validate()).toEqual([
      '[app/Dockerfile/child] RUN "ls" needs a shell, but gcr.io/distroless/python3-debian13:nonroot has none: ' +
        'run it in a builder stage and COPY --from the result',
    ]);
  });

  test('an invalid image reference is a validation error naming the stage, not an exception', () => {
    // GIVEN
    const df = newDockerfile();
    const base = BaseImage.fromRegistry('Not A Valid:Ref');

    // WHEN
    df.addStage('bad', { baseImage: base });

    // THEN
    const problems = df.validate();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[app\/Dockerfile\/bad\] FROM image reference "Not A Valid:Ref" is invalid: .*Write \[registry\/\]repository/);
  });

  test('a newline in a COPY path is rejected, naming the path and the fix', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    runtime.addCopy(['/venv\n/etc'], '/venv', { fromStage: builder });

    // WHEN / THEN
    expect(df.validate()).toEqual([
      R + 'COPY path "/venv\\n/etc" contains a newline (U+000A), which a Dockerfile cannot hold: rename the file',
    ]);
  });

  test('copying from a later stage, from the same stage or from another Dockerfile is rejected', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    const other = newDockerfile();
    const foreign = other.addStage('foreign', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
    builder.addCopy(['/venv'], '/venv', { fromStage: runtime });
    builder.addCopy(['/x'], '/x', { fromStage: builder });
    builder.addCopy(['/y'], '/y', { fromStage: foreign });

    // WHEN / THEN
    expect(df.validate()).toEqual([
      B + 'COPY --from refers to stage "runtime", which comes later in the Dockerfile: add "runtime" before "builder"',
      B + 'COPY --from refers to its own stage "builder": use an earlier stage',
      B + 'COPY --from refers to stage "foreign" of another Dockerfile (app/Dockerfile/foreign): a stage can only use stages of its own Dockerfile',
    ]);
  });

  test('FROM a stage of another Dockerfile is rejected', () => {
    // GIVEN
    const df = newDockerfile();
    const other = new Dockerfile(new Construct(undefined as any, 'other'), 'Dockerfile');
    const foreign = other.addStage('base', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
    df.addStage('child', { baseImage: BaseImage.fromStage(foreign) });

    // WHEN / THEN
    expect(df.validate()).toEqual([
      '[app/Dockerfile/child] FROM refers to stage "base" of another Dockerfile (other/Dockerfile/base): a stage can only use stages of its own Dockerfile',
    ]);
  });

  test('a registry reference that equals a stage name is rejected, because Docker would use the stage', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    df.addStage('later', { baseImage: BaseImage.fromRegistry('builder') });
    runtime.addCopy(['/x'], '/x', { fromImage: 'builder' });

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      R + 'COPY --from="builder" would name the stage "builder", not the image: pass the stage as from, or write the image\'s full reference',
      '[app/Dockerfile/later] FROM "builder" would name the stage "builder", not the image: use BaseImage.fromStage(), or rename the stage',
    ]);
  });

  test.each([
    [0, 'EXPOSE port 0 is out of range: use a whole number from 1 to 65535'],
    [65536, 'EXPOSE port 65536 is out of range: use a whole number from 1 to 65535'],
    [80.5, 'EXPOSE port 80.5 is out of range: use a whole number from 1 to 65535'],
  ])('port %d is rejected', (port, message) => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addExpose(port);

    // WHEN / THEN
    expect(df.validate()).toEqual([R + message]);
  });

  test.each(['u+x', 'rwx', '8', '07777', '75'])('chmod "%s" is rejected: only octal modes work', (mode) => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addCopy(['app.py'], '/app/app.py', { chmod: mode });

    // WHEN / THEN
    expect(df.validate()).toEqual([
      R + `COPY --chmod "${mode}" is invalid: use an octal mode such as 755 or 0644 (symbolic modes are ignored by Docker's built-in frontend)`,
    ]);
  });

  test.each(['1BAD', 'WITH-DASH', 'has space', '', 'ünicode'])('env name "%s" is rejected', (name) => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addEnv(name, 'x');

    // WHEN / THEN
    expect(df.validate()).toEqual([
      R + `ENV name "${name}" is invalid: use letters, digits and "_", not starting with a digit`,
    ]);
  });

  test('control characters in values and keys are rejected; tabs are fine', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    builder.addArg('A', 'line1\nline2');
    runtime.addEnv('TAB', 'a\tb');
    runtime.addLabel('org.lucid.x', 'bell\u0007');
    runtime.addLabel('key\r', 'v');
    runtime.addWorkdir('/a\u0085b');

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      B + 'ARG A default "line1\\nline2" contains a newline (U+000A), which a Dockerfile cannot hold: encode it (e.g. base64) or ship it as a file with COPY',
      R + 'LABEL "org.lucid.x" value "bell\\u0007" contains the control character U+0007, which a Dockerfile cannot hold: encode it (e.g. base64) or ship it as a file with COPY',
      R + 'LABEL key "key\\r" contains a carriage return (U+000D): use a reverse-DNS key such as org.lucid.plane',
      R + 'WORKDIR path "/a\\u0085b" contains the control character U+0085, which a Dockerfile cannot hold: encode it (e.g. base64) or ship it as a file with COPY',
    ]);
  });

  test('a label key with "=" or empty is rejected', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addLabel('a=b', 'v');
    runtime.addLabel('', 'v');

    // WHEN / THEN
    expect(df.validate()).toEqual([
      R + 'LABEL key "a=b" contains "=": Docker splits a label at its first "=", even inside quotes; use a key without "="',
      R + 'LABEL key is empty',
    ]);
  });

  test.each([
    ['', 'is empty: give a command'],
    ['echo a\necho b', 'contains a newline (U+000A): a RUN command must be one line; use several addRun() calls, or join commands with &&'],
    ['--mount=type=cache ls', 'starts with "--", which Docker would read as a flag of RUN: start with the program name'],
    ['make \\', 'ends with a backslash, which Docker would read as a line continuation: remove it'],
    ['cat <<EOF > /x', 'contains a here-document marker (<<WORD), which Docker would read as a heredoc taking the next lines: write the file with printf, or COPY it'],
    ['["/bin/sh", "-c", "ls"]', 'starts with a JSON array, which Docker would read as exec form: use addRunExec() for exec form'],
    ['["x"] && ls', 'starts with a JSON array, which Docker would read as exec form: use addRunExec() for exec form'],
    ['ls\u00a0', 'starts or ends with a Unicode space that Docker would trim: remove it'],
  ])('shell command %j is rejected', (command, reason) => {
    // GIVEN
    const { df, builder } = builderAndRuntime();
    builder.addRun(command);

    // WHEN / THEN
    expect(df.validate()).toEqual([B + `RUN "${command.replace(/\n/g, ' ')}" ${reason}`]);
  });

  test.each(['[ -f /etc/os-release ] && cat /etc/os-release', 'cat <<< "here string"', 'a<<b', 'echo "a\\\\b" | tr -d x'])(
    'shell command %j is accepted', (command) => {
      // GIVEN
      const { df, builder } = builderAndRuntime();
      builder.addRun(command);

      // WHEN / THEN
      expect(df.validate()).toEqual([]);
    });

  test('RUN mounts are checked against what each mount type accepts', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    builder.addRun('true', {
      mounts: [
        { mountType: MountType.CACHE },
        { mountType: MountType.BIND, target: '/x', mode: '0400', required: true },
        { mountType: MountType.SECRET },
        { mountType: MountType.SECRET, id: 'a', source: 'b' },
        { mountType: MountType.CACHE, target: '/with space', id: 'a,b' },
        { mountType: MountType.CACHE, target: '/c', mode: 'rw', uid: -1 },
        { mountType: MountType.BIND, target: '/r', fromStage: runtime },
        { mountType: MountType.BIND, target: '/ctx', source: '../outside' },
        { mountType: MountType.SECRET, id: 's', env: '1BAD' },
        { mountType: MountType.TMPFS, target: '/t', fromStage: runtime },
      ],
    });

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      B + 'RUN --mount #1 (cache) needs a target',
      B + 'RUN --mount #2 (bind): "required" is not allowed for bind mounts (only secret)',
      B + 'RUN --mount #2 (bind): "mode" is not allowed for bind mounts (only cache, secret)',
      B + 'RUN --mount #3 (secret) needs an id or a target',
      B + 'RUN --mount #4 (secret) cannot have both id and source',
      B + 'RUN --mount #5 (cache): target "/with space" may only hold letters, digits and _ . / @ : + % ~ = - (it is written into a comma-separated flag)',
      B + 'RUN --mount #5 (cache): id "a,b" may only hold letters, digits and _ . / @ : + % ~ = - (it is written into a comma-separated flag)',
      B + 'RUN --mount #6 (cache): mode "rw" must be octal, e.g. 0400',
      B + 'RUN --mount #6 (cache): uid -1 must be a whole number from 0 to 4294967295',
      B + 'RUN --mount #7 (bind) from refers to stage "runtime", which comes later in the Dockerfile: add "runtime" before "builder"',
      B + 'RUN --mount #8 (bind) source "../outside" is outside the build context: move the file into the context folder',
      B + 'RUN --mount #9 (secret): env "1BAD" is not a valid variable name',
      B + 'RUN --mount #10 (tmpfs): "fromStage" is not allowed for tmpfs mounts (only bind, cache)',
      B + 'RUN --mount #10 (tmpfs) from refers to stage "runtime", which comes later in the Dockerfile: add "runtime" before "builder"',
    ]);
  });

  test('COPY checks: sources, destination, chown, from and fromImage', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    runtime.addCopy([], '/x');
    runtime.addCopy(['a', 'b'], '/dir');
    runtime.addCopy(['a'], '/a', { chown: 'root user' });
    runtime.addCopy(['a'], '/a', { fromStage: builder, fromImage: 'debian:13' });
    runtime.addCopy(['a'], '/a', { fromImage: 'Bad Ref' });
    runtime.addCopy(['../secret'], '/a');
    runtime.addCopy([' a'], '/a');
    runtime.addCopy([''], '');

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      R + 'COPY has no sources: give at least one path',
      R + 'COPY of several sources needs a destination directory ending with "/": write "/dir/"',
      R + 'COPY --chown "root user" is invalid: use user, uid, user:group or uid:gid (e.g. 65532:65532)',
      R + 'COPY has both from and fromImage: give one',
      expect.stringMatching(/^\[app\/Dockerfile\/runtime\] COPY --from image reference "Bad Ref" is invalid: /),
      R + 'COPY source "../secret" is outside the build context: move the file into the context folder',
      R + 'COPY source " a" starts or ends with whitespace, which .dockerignore cannot express: rename the file',
      R + 'COPY has an empty path',
      R + 'COPY has an empty path',
    ]);
  });

  test('exec forms, health check and stop signal are checked', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.useEntrypoint([]);
    runtime.useCmd(['nul\0']);
    runtime.useHealthcheck({ command: [], intervalSeconds: 0.5, timeoutSeconds: 0, retries: 0 });
    runtime.useStopSignal('SIGFOO');

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      R + 'STOPSIGNAL "SIGFOO" is not a signal: use a name such as SIGTERM or SIGINT, or a number from 1 to 64',
      R + 'HEALTHCHECK command is empty: give a probe in exec form, e.g. ["/venv/bin/python3", "-c", "..."]',
      R + 'HEALTHCHECK intervalSeconds 0.5 is invalid: use a whole number of seconds, at least 1',
      R + 'HEALTHCHECK timeoutSeconds 0 is invalid: use a whole number of seconds, at least 1',
      R + 'HEALTHCHECK retries 0 is invalid: use a whole number, at least 1',
      R + 'ENTRYPOINT is empty: give the program and its arguments, e.g. ["/venv/bin/python3", "-m", "app"]',
      R + 'CMD argument #1 "nul\\u0000" contains a NUL character (U+0000), which no process argument can carry: remove it',
    ]);
  });

  test.each(['SIGTERM', 'sigint', 'KILL', '15', 'SIGRTMIN+3', 'SIGRTMAX-1'])('stop signal %s is accepted', (signal) => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.useStopSignal(signal);

    // WHEN / THEN
    expect(df.validate()).toEqual([]);
  });

  test('platform, syntax and header lines are checked', () => {
    // GIVEN
    const df = newDockerfile({ syntax: 'not a ref', header: ['ok', 'two\nlines', 'escape=`'] });
    df.addStage('s', { baseImage: BaseImage.fromRegistry('debian:13'), platform: 'linux arm64' });

    // WHEN
    const problems = df.validate();

    // THEN
    expect(problems).toEqual([
      expect.stringMatching(/^\[app\/Dockerfile\] syntax "not a ref" is not a valid frontend image reference: /),
      '[app/Dockerfile] header line "two\\nlines" contains a newline (U+000A): pass one array element per comment line',
      '[app/Dockerfile] header line "escape=`" would be read as a parser directive: reword it, or use the syntax property',
      '[app/Dockerfile/s] FROM --platform="linux arm64" is invalid: write os/arch[/variant] (linux/arm64) or a build argument such as $BUILDPLATFORM',
    ]);
  });

  test('a Dockerfile without stages cannot be rendered', () => {
    // GIVEN
    const df = newDockerfile();

    // WHEN / THEN
    expect(df.validate()).toEqual(['[app/Dockerfile] the Dockerfile has no stages: add one with addStage()']);
    expect(() => df.render()).toThrow('[app/Dockerfile] the Dockerfile has no stages');
  });

  test('render throws one error listing every problem', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.addRun('pip install x');
    runtime.addExpose(0);

    // WHEN
    let message = '';
    try {
      df.render();
    } catch (e: any) {
      message = e.message;
    }

    // THEN
    expect(message).toBe('[app/Dockerfile] cannot render the Dockerfile (2 problems):\n' +
      '  - [app/Dockerfile/runtime] RUN "pip install x" needs a shell, but gcr.io/distroless/python3-debian13:nonroot has none: run it in a builder stage and COPY --from the result\n' +
      '  - [app/Dockerfile/runtime] EXPOSE port 0 is out of range: use a whole number from 1 to 65535');
  });

  test('the construct tree reports each problem once, on the construct it belongs to', () => {
    // GIVEN
    const df = newDockerfile({ header: ['bad\nline'] });
    const s = df.addStage('s', { baseImage: BaseImage.fromRegistry('debian:13') });
    s.addEnv('1X', 'v');

    // WHEN: each construct's validation, prefixed with its path as the app does
    const all = df.node.findAll().flatMap(c => c.node.validate().map(m => formatProblem(c.node.path, m)));

    // THEN
    expect(all).toEqual(df.validate());
    expect(all).toHaveLength(2);
  });

  test.each(['Builder', '1st', 'with space', 'a/b', ''])('stage name "%s" is refused when the stage is added', (name) => {
    // GIVEN
    const df = newDockerfile();

    // WHEN / THEN
    expect(() => df.addStage(name, { baseImage: BaseImage.fromRegistry('debian:13') }))
      .toThrow(`[app/Dockerfile] stage name "${name}" is invalid: use lower-case letters, digits, "_", "." and "-", starting with a letter`);
  });

  test('a stage can only be created in a Dockerfile', () => {
    // GIVEN
    const root = new Construct(undefined as any, 'app');

    // WHEN / THEN
    expect(() => new Stage(root as any, 'x', { baseImage: BaseImage.fromRegistry('debian:13') }))
      .toThrow('[app] a Stage must be created in a Dockerfile');
  });
});
