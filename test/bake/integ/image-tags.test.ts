import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from '../../../src';
import { devBasesApp } from '../../images/dev-bases';
import { docker } from '../../util/docker';

// Each image's tag follows its own tag template, in the bake file as `docker buildx bake --print` resolves it, for
// the multi-platform targets and the per-architecture ones alike.

jest.setTimeout(180_000);

function print(env: { [name: string]: string }, targets: string[]): any {
  const files = Testing.synth(devBasesApp({ bake: { perArchitectureTags: true } }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-bake-tags-'));
  try {
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    const saved = { REGISTRY: process.env.REGISTRY, TAG: process.env.TAG, CACHE: process.env.CACHE };
    for (const k of Object.keys(saved)) delete process.env[k];
    Object.assign(process.env, env);
    try {
      return JSON.parse(docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print', ...targets], dir).stdout);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('per-image tags in the bake file', () => {
  test('three images of one repository are tagged by their own tags, per architecture too', () => {
    // WHEN
    const printed = print({ CACHE: 'gha' }, ['default', 'per-arch']);

    // THEN
    const tags = (t: string) => printed.target[t].tags;
    expect(tags('python-dev')).toEqual(['pickme/lucid-base:python-distroless']);
    expect(tags('java-dev')).toEqual(['pickme/lucid-base:java-distroless']);
    expect(tags('dev')).toEqual(['pickme/lucid-base:latest']);
    expect(tags('python-dev-arm64')).toEqual(['pickme/lucid-base:python-distroless-arm64']);
    expect(tags('python-dev-amd64')).toEqual(['pickme/lucid-base:python-distroless-amd64']);
    expect(tags('dev-arm64')).toEqual(['pickme/lucid-base:latest-arm64']);
    // the service built on the Python base gets it as a `target:` context, under its FROM reference
    expect(printed.target.auth.contexts).toEqual({ 'pickme/lucid-base:python-distroless': 'target:python-dev' });
    // and the images keep their build caches apart
    expect(['python-dev', 'java-dev', 'dev'].map(t => printed.target[t]['cache-from'].map((c: any) => c.scope))).toEqual([
      ['lucid-base-python-distroless'], ['lucid-base-java-distroless'], ['lucid-base'],
    ]);
  });

  test('a fixed tag ignores TAG; the default one and the registry follow the variables', () => {
    // WHEN
    const printed = print({ REGISTRY: 'r.example/lucid', TAG: '1.2' }, ['default', 'per-arch']);

    // THEN
    expect(printed.target['python-dev'].tags).toEqual(['r.example/lucid/lucid-base:python-distroless']);
    expect(printed.target.dev.tags).toEqual(['r.example/lucid/lucid-base:1.2']);
    expect(printed.target['dev-amd64'].tags).toEqual(['r.example/lucid/lucid-base:1.2-amd64']);
    expect(printed.target.auth.tags).toEqual(['r.example/lucid/lucid-auth:1.2']);
  });
});
