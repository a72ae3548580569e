import { Construct } from 'constructs';
import { builderAndRuntime, newDockerfile } from './util';
import { BaseImage, Dockerfile, InstructionKind, MountType, Protocol, RunNetwork, Stage } from '../../src/dockerfile';

describe('Dockerfile and Stage', () => {
  test('type checks use brands, not instanceof', () => {
    // GIVEN
    const { df, builder } = builderAndRuntime();
    const lookalike = new Construct(undefined as any, 'x');

    // WHEN / THEN
    expect(Dockerfile.isDockerfile(df)).toBe(true);
    expect(Dockerfile.isDockerfile(builder)).toBe(false);
    expect(Dockerfile.isDockerfile(lookalike)).toBe(false);
    expect(Dockerfile.isDockerfile(null)).toBe(false);
    expect(Stage.isStage(builder)).toBe(true);
    expect(Stage.isStage(df)).toBe(false);
    expect(Stage.isStage({ [Symbol.for('lucid-cdk.dockerfile.Stage')]: true })).toBe(true);
  });

  test('stages keep their order; the last one is final; stage name is the construct id', () => {
    // GIVEN
    const df = newDockerfile();

    // WHEN
    const a = df.addStage('a', { baseImage: BaseImage.fromRegistry('debian:13') });
    const b = df.addStage('b', { baseImage: BaseImage.fromStage(a) });

    // THEN
    expect(df.stages).toEqual([a, b]);
    expect(df.finalStage).toBe(b);
    expect(b.node.path).toBe('app/Dockerfile/b');
    expect(b.dockerfile).toBe(df);
    expect(b.baseImage.stage).toBe(a);
    expect(b.hasShell).toBe(true);
    expect(newDockerfile().finalStage).toBeUndefined();
  });

  test('a duplicate stage name is refused', () => {
    // GIVEN
    const df = newDockerfile();
    df.addStage('a', { baseImage: BaseImage.fromRegistry('debian:13') });

    // WHEN / THEN
    expect(() => df.addStage('a', { baseImage: BaseImage.fromRegistry('debian:13') }))
      .toThrow('[app/Dockerfile] a stage named "a" already exists: stage names must be unique');
  });

  test('BaseImage keeps what it was given', () => {
    // GIVEN / WHEN
    const distroless = BaseImage.fromRegistry('gcr.io/distroless/static-debian13:nonroot', { hasShell: false });
    const debian = BaseImage.fromRegistry('debian:13');

    // THEN
    expect(distroless.imageRef).toBe('gcr.io/distroless/static-debian13:nonroot');
    expect(distroless.hasShell).toBe(false);
    expect(distroless.stage).toBeUndefined();
    expect(debian.hasShell).toBe(true);
  });

  test('read-only views report what the stage sets, last value winning', () => {
    // GIVEN
    const { builder, runtime } = builderAndRuntime();
    runtime.addEnv('A', '1').addEnv('B', '2').addEnv('A', '3');
    runtime.addLabel('org.lucid.plane', 'ops').addLabel('org.lucid.plane', 'chain');
    runtime.addWorkdir('/a').addWorkdir('/app').addUser('0').addUser('65532:65532');
    runtime.addExpose(8080).addExpose(8080).addExpose(9090, Protocol.UDP);
    runtime.useEntrypoint(['/x']).useCmd(['y']).useStopSignal('SIGINT');
    runtime.useHealthcheck({ command: ['/x', 'probe'], retries: 2 });
    runtime.addCopy(['/venv'], '/venv', { fromStage: builder, link: true });
    builder.addRun('make', { mounts: [{ mountType: MountType.CACHE, target: '/c' }], network: RunNetwork.NONE });
    builder.addRunExec(['/bin/true']);

    // WHEN / THEN
    expect(runtime.envVars()).toEqual({ A: '3', B: '2' });
    expect(runtime.labelMap()).toEqual({ 'org.lucid.plane': 'chain' });
    expect(runtime.workdir).toBe('/app');
    expect(runtime.user).toBe('65532:65532');
    expect(runtime.exposedPorts).toEqual([{ port: 8080, protocol: Protocol.TCP }, { port: 9090, protocol: Protocol.UDP }]);
    expect(runtime.entrypoint).toEqual(['/x']);
    expect(runtime.cmd).toEqual(['y']);
    expect(runtime.stopSignal).toBe('SIGINT');
    expect(runtime.healthcheck).toEqual({ command: ['/x', 'probe'], retries: 2 });
    expect(runtime.copies()).toEqual([{
      sources: ['/venv'],
      destination: '/venv',
      fromStage: builder,
      fromStageName: 'builder',
      fromImage: undefined,
      fromContext: false,
      chown: undefined,
      chmod: undefined,
      link: true,
    }]);
    expect(builder.runs()).toEqual([
      { execForm: false, command: 'make', mounts: [{ mountType: MountType.CACHE, target: '/c' }], network: RunNetwork.NONE },
      { execForm: true, args: ['/bin/true'], mounts: [], network: undefined },
    ]);
    expect(runtime.instructions.map(i => i.kind)).toEqual([
      InstructionKind.ENV, InstructionKind.ENV, InstructionKind.ENV, InstructionKind.LABEL, InstructionKind.LABEL,
      InstructionKind.WORKDIR, InstructionKind.WORKDIR, InstructionKind.USER, InstructionKind.USER,
      InstructionKind.EXPOSE, InstructionKind.EXPOSE, InstructionKind.COPY,
      InstructionKind.STOPSIGNAL, InstructionKind.HEALTHCHECK, InstructionKind.ENTRYPOINT, InstructionKind.CMD,
    ]);
  });

  test('views cannot be used to change the stage behind its back', () => {
    // GIVEN
    const { runtime } = builderAndRuntime();
    const args = ['/x'];
    runtime.useEntrypoint(args);
    runtime.addCopy(['a'], '/a');

    // WHEN
    args.push('mutated');
    runtime.entrypoint!.push('mutated too');
    const copy = runtime.copies()[0];

    // THEN
    expect(runtime.entrypoint).toEqual(['/x']);
    expect(() => (copy.sources as string[]).push('b')).toThrow();
    expect(runtime.copies()[0].sources).toEqual(['a']);
  });

  test('context sources list every path read from the build context, normalized, sorted and unique', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    builder.addCopy(['requirements.txt'], '/tmp/');
    builder.addCopy(['./src/', '/pyproject.toml', 'src'], '/app/');
    builder.addRun('make', { mounts: [{ mountType: MountType.BIND, target: '/m', source: 'Makefile' }] });
    builder.addRun('ls', { mounts: [{ mountType: MountType.BIND, target: '/s', fromStage: builder }] });
    runtime.addCopy(['/venv'], '/venv', { fromStage: builder });
    runtime.addCopy(['/etc/passwd'], '/etc/passwd', { fromImage: 'debian:13' });
    runtime.addCopy(['../escape'], '/x');

    // WHEN
    const sources = df.contextSources();

    // THEN
    expect(sources).toEqual(['Makefile', 'pyproject.toml', 'requirements.txt', 'src']);
  });

  test('a bind mount of the context without a source reads the whole context', () => {
    // GIVEN
    const { df, builder } = builderAndRuntime();
    builder.addRun('make', { mounts: [{ mountType: MountType.BIND, target: '/src' }] });

    // WHEN / THEN
    expect(df.contextSources()).toEqual(['.']);
  });
});
