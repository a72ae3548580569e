import { BaseImage, Testing } from '../../src';
import { lucidService } from '../compliance/fixtures/builders';
import { findingsOf } from '../compliance/util';
import { decodeDockerfile } from '../dockerfile/decode';
import { parseStages } from '../util/dockerfile-facts';

// The Dockerfile of an image is rendered at synthesis: what a user adds to its stages, or a stage they replace,
// is written, validated and checked by the compliance rules like what lucid-cdk generates.

describe('an image\'s Dockerfile stages', () => {
  test('instructions added to a stage after the image is constructed are written after lucid-cdk\'s own', () => {
    // GIVEN
    const app = Testing.app({ compliance: { packs: [] } });
    const api = lucidService(app, 'api');
    // WHEN
    api.dockerfile.stage('runtime').addEnv('LOG_LEVEL', 'debug $HOME');
    api.dockerfile.stage('runtime').addLabel('org.lucid.team', 'ops');
    const text = Testing.synth(app)['apps/api/Dockerfile'];
    // THEN the real parser, decoding as BuildKit does, reads the values as given, in the runtime stage
    const decoded = decodeDockerfile(text);
    const runtimeFrom = decoded.findIndex(i => i.keyword === 'FROM' && i.from?.name === 'runtime');
    const envs = decoded.slice(runtimeFrom).filter(i => i.keyword === 'ENV').flatMap(i => i.pairs ?? []);
    expect(envs[envs.length - 1]).toEqual(['LOG_LEVEL', 'debug $HOME']);
    const labels = decoded.slice(runtimeFrom).filter(i => i.keyword === 'LABEL').flatMap(i => i.pairs ?? []);
    expect(labels).toContainEqual(['org.lucid.team', 'ops']);
    // and the structure test, derived from the same stage, checks the new variable
    const config = Testing.synth(app)['apps/api/structure-test.yaml'];
    expect(config).toContain('key: LOG_LEVEL');
  });

  test('a replaced runtime stage is what the image builds and runs', () => {
    // GIVEN
    const app = Testing.app({ compliance: { packs: [] } });
    const api = lucidService(app, 'api');
    const builder = api.dockerfile.stage('builder');
    // WHEN
    const runtime = api.dockerfile.replaceStage('runtime', { baseImage: BaseImage.fromRegistry('gcr.io/distroless/python3-debian13:nonroot', { hasShell: false }) });
    runtime.addCopy(['/venv'], '/venv', { fromStage: builder });
    runtime.addCopy(['src/'], '/app/');
    runtime.addUser('65532:65532');
    runtime.useEntrypoint(['/venv/bin/python3', '-m', 'app']);
    const text = Testing.synth(app)['apps/api/Dockerfile'];
    // THEN
    expect(api.runtimeStage).toBe(runtime);
    const stages = parseStages(text);
    expect(stages.map(s => s.name)).toEqual(['builder', 'runtime']);
    expect(stages[1].instructions.map(i => i.keyword)).toEqual(['COPY', 'COPY', 'USER', 'ENTRYPOINT']);
    expect(stages[1].instructions[3].json).toEqual(['/venv/bin/python3', '-m', 'app']);
  });

  test('a replaced runtime stage that breaks a rule is reported by the compliance check', () => {
    // GIVEN a service whose runtime stage is replaced by one on a full Python image, without labels
    const app = Testing.app();
    const api = lucidService(app, 'api');
    const runtime = api.dockerfile.replaceStage('runtime', { baseImage: BaseImage.fromRegistry('python:3.13-slim-trixie') });
    runtime.useEntrypoint(['/usr/local/bin/python3', '-m', 'app']);
    // WHEN
    const distroless = findingsOf(app, 'LUCID-IMG1');
    const labels = findingsOf(app, 'LUCID-LBL1');
    // THEN
    expect(distroless.map(f => f.path)).toEqual([runtime.node.path]);
    expect(labels.map(f => f.path)).toEqual([runtime.node.path]);
    expect(() => Testing.synth(app)).toThrow(/LUCID-IMG1/);
  });
});
