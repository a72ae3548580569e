import { processWord, VariableReference } from './buildkit-words';
import { decodeDockerfile, instructionLines } from './decode';
import { builderAndRuntime } from './util';
import { BaseImage, MountType, Protocol, RunNetwork } from '../../src/dockerfile';

/** Values that need every kind of escaping the Dockerfile language has. */
const NASTY = [
  'plain',
  '',
  'with space',
  'two  spaces and\ttab',
  'double "quotes"',
  "single 'quotes'",
  'dollar $HOME and ${HOME} and $1 and $@ and $',
  'back\\slash and trailing\\',
  '\\"mixed\\$',
  'ünïcödé ☃ 日本語 🐳',
  '=equals=',
  '# not a comment',
  '[not, json]',
  '--looks-like-a-flag',
  '<<EOF',
  '\u00a0nbsp\u00a0',
  '\u2028line separator',
  '\ufeffbom first',
  '`backtick`',
  ' leading and trailing ',
];

describe('round trip through dockerfile-ast and BuildKit word processing', () => {
  test('the escaping mirror reads words as BuildKit does', () => {
    // GIVEN / WHEN / THEN: cases worked out from BuildKit's shell/lex.go
    expect(processWord('a\\b')).toBe('ab');
    expect(processWord('"a\\b"')).toBe('a\\b');
    expect(processWord('"a\\"b\\$c\\\\d"')).toBe('a"b$c\\d');
    expect(processWord("'a\\b$c'")).toBe('a\\b$c');
    expect(processWord('a$')).toBe('a$');
    expect(processWord('"$"')).toBe('$');
    expect(processWord('\\$x')).toBe('$x');
    expect(processWord('\ufeffa')).toBe('a');
    expect(() => processWord('$x')).toThrow(VariableReference);
    expect(() => processWord('"${x}"')).toThrow(VariableReference);
    expect(() => processWord('"open')).toThrow(/double-quote/);
  });

  test('every value put into ENV, LABEL, ARG, WORKDIR, USER and COPY comes back unchanged', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    NASTY.forEach((v, n) => {
      builder.addEnv(`V${n}`, v);
      builder.addArg(`A${n}`, v);
      if (v !== '' && !v.includes('=')) {
        builder.addLabel(v, v);
      }
      if (v !== '') {
        builder.addWorkdir(v);
        builder.addUser(v);
      }
    });
    const paths = NASTY.filter(v => v !== '');
    runtime.addCopy(paths, '/dst dir "x"/', { fromStage: builder });

    // WHEN
    expect(df.validate()).toEqual([]);
    const text = df.render();
    const decoded = decodeDockerfile(text);

    // THEN every line is one instruction (no continuation, no heredoc swallowed the next lines)
    expect(decoded).toHaveLength(instructionLines(text).length);
    const pairs = (kw: string) => decoded.filter(d => d.keyword === kw).map(d => d.pairs![0]);
    expect(pairs('ENV')).toEqual(NASTY.map((v, n) => [`V${n}`, v]));
    expect(pairs('ARG')).toEqual(NASTY.map((v, n) => [`A${n}`, v]));
    expect(pairs('LABEL')).toEqual(NASTY.filter(v => v !== '' && !v.includes('=')).map(v => [v, v]));
    expect(decoded.filter(d => d.keyword === 'WORKDIR').map(d => d.args![0])).toEqual(paths);
    expect(decoded.filter(d => d.keyword === 'USER').map(d => d.args![0])).toEqual(paths);
    const copy = decoded.find(d => d.keyword === 'COPY')!;
    expect(copy.args).toEqual([...paths, '/dst dir "x"/']);
    expect(copy.flags).toEqual([['from', 'builder']]);
  });

  test('exec-form arguments come back unchanged, control characters included', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    const args = [...NASTY, 'new\nline', 'tab\there', 'bell\u0007', 'quote"\\'];
    builder.addRunExec(['/bin/echo', ...args]);
    runtime.useEntrypoint(['/venv/bin/python3', ...args]);
    runtime.useCmd(args);
    runtime.useHealthcheck({ command: ['/venv/bin/python3', '-c', 'import sys; sys.exit("$x" != "\\n")'], intervalSeconds: 5 });

    // WHEN
    const decoded = decodeDockerfile(df.render());

    // THEN
    expect(decoded.find(d => d.keyword === 'RUN')!.args).toEqual(['/bin/echo', ...args]);
    expect(decoded.find(d => d.keyword === 'ENTRYPOINT')!.args).toEqual(['/venv/bin/python3', ...args]);
    expect(decoded.find(d => d.keyword === 'CMD')!.args).toEqual(args);
    const hc = decoded.find(d => d.keyword === 'HEALTHCHECK')!;
    expect(hc.args).toEqual(['/venv/bin/python3', '-c', 'import sys; sys.exit("$x" != "\\n")']);
    expect(hc.flags).toEqual([['interval', '5s']]);
  });

  test('shell-form RUN is written verbatim with its flags', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    const command = 'echo "$HOME" \'$x\' && [ -f /etc/os-release ] && cat <<<"here string" | tr a b';
    builder.addRun(command, {
      mounts: [
        { mountType: MountType.CACHE, target: '/root/.cache/pip', id: 'pip', sharing: undefined },
        { mountType: MountType.SECRET, id: 'token', required: true, mode: '0400' },
      ],
      network: RunNetwork.NONE,
    });
    runtime.addExpose(8080, Protocol.TCP).useStopSignal('SIGINT');

    // WHEN
    const decoded = decodeDockerfile(df.render());

    // THEN
    const run = decoded.find(d => d.keyword === 'RUN')!;
    expect(run.shell).toBe(command);
    expect(run.flags).toEqual([
      ['mount', 'type=cache,target=/root/.cache/pip,id=pip'],
      ['mount', 'type=secret,id=token,mode=0400,required=true'],
      ['network', 'none'],
    ]);
    expect(decoded.find(d => d.keyword === 'EXPOSE')!.args).toEqual(['8080/tcp']);
    expect(decoded.find(d => d.keyword === 'STOPSIGNAL')!.args).toEqual(['SIGINT']);
  });

  test('FROM lines name the image or stage, the platform and the stage name', () => {
    // GIVEN
    const { df, builder } = builderAndRuntime();
    df.addStage('test', { baseImage: BaseImage.fromStage(builder), platform: '$BUILDPLATFORM' });

    // WHEN
    const froms = decodeDockerfile(df.render()).filter(d => d.keyword === 'FROM');

    // THEN
    expect(froms.map(f => f.from)).toEqual([
      { image: 'debian:13-slim', name: 'builder' },
      { image: 'gcr.io/distroless/python3-debian13:nonroot', name: 'runtime' },
      { image: 'builder', name: 'test' },
    ]);
    expect(froms[2].flags).toEqual([['platform', '$BUILDPLATFORM']]);
  });
});
