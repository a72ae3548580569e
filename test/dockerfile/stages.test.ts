import { builderAndRuntime } from './util';
import { BaseImage } from '../../src/dockerfile';
import { parseStages } from '../util/dockerfile-facts';

// Reaching and replacing the stages of a Dockerfile: the escape hatch for generated Dockerfiles.

describe('Dockerfile.stage', () => {
  test('returns the stage of that name, to which instructions are added after the existing ones', () => {
    // GIVEN
    const { df, runtime } = builderAndRuntime();
    runtime.useEntrypoint(['/venv/bin/python3', '-m', 'app']);
    // WHEN
    df.stage('runtime').addEnv('LOG_LEVEL', 'debug');
    df.stage('builder').addRun('echo built > /built');
    // THEN the real parser reads each added instruction in its stage, run-time settings still last
    const stages = parseStages(df.render());
    expect(stages.map(s => s.name)).toEqual(['builder', 'runtime']);
    expect(stages[0].instructions.map(i => [i.keyword, i.args])).toEqual([['RUN', 'echo built > /built']]);
    expect(stages[1].instructions.map(i => i.keyword)).toEqual(['ENV', 'ENTRYPOINT']);
    expect(stages[1].instructions[0].args).toBe('LOG_LEVEL="debug"');
  });

  test('throws for a stage that does not exist, naming the ones that do', () => {
    const { df } = builderAndRuntime();
    expect(() => df.stage('final')).toThrow('[app/Dockerfile] has no stage "final": its stages are "builder", "runtime"');
  });
});

describe('Dockerfile.replaceStage', () => {
  test('puts a new, empty stage of the same name in the old one\'s place', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    builder.addRun('apt-get update');
    runtime.addEnv('OLD', '1');
    // WHEN
    const replaced = df.replaceStage('builder', { baseImage: BaseImage.fromRegistry('python:3.13-slim-trixie') });
    replaced.addRun('python3 -m venv /venv');
    // THEN
    expect(df.stages).toEqual([replaced, runtime]);
    expect(df.stage('builder')).toBe(replaced);
    const stages = parseStages(df.render());
    expect(stages.map(s => [s.image, s.name])).toEqual([['python:3.13-slim-trixie', 'builder'], ['gcr.io/distroless/python3-debian13:nonroot', 'runtime']]);
    expect(stages[0].instructions.map(i => i.args)).toEqual(['python3 -m venv /venv']);
  });

  test('validates the new stage like any other', () => {
    // GIVEN
    const { df } = builderAndRuntime();
    // WHEN a RUN in a replacement runtime stage without a shell
    df.replaceStage('runtime', { baseImage: BaseImage.fromRegistry('gcr.io/distroless/static-debian13:nonroot', { hasShell: false }) })
      .addRun('echo hi');
    // THEN
    expect(df.validate()).toEqual([expect.stringMatching(/^\[app\/Dockerfile\/runtime\] RUN "echo hi" needs a shell/)]);
    expect(() => df.render()).toThrow(/cannot render the Dockerfile/);
  });

  test('reports a stage that still copies from the stage object that was replaced', () => {
    // GIVEN
    const { df, builder, runtime } = builderAndRuntime();
    runtime.addCopy(['/venv'], '/venv', { fromStage: builder });
    // WHEN
    df.replaceStage('builder', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
    // THEN
    expect(df.validate().join('\n')).toContain('refers to stage "builder", which was replaced with replaceStage()');
  });

  test('throws for a stage that does not exist', () => {
    const { df } = builderAndRuntime();
    expect(() => df.replaceStage('final', { baseImage: BaseImage.fromRegistry('debian:13-slim') })).toThrow(/has no stage "final"/);
  });
});
