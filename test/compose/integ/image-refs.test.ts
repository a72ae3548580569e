import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from '../../../src';
import { devBasesApp } from '../../images/dev-bases';
import { docker } from '../../util/docker';

// Compose tags the images it builds with the bake file's variables and defaults, `${REGISTRY:-pickme}` and
// `${TAG:-latest}`, each image's tag template honoured: `docker compose config` interpolates them.

jest.setTimeout(120_000);

let dir: string;
const saved = { REGISTRY: process.env.REGISTRY, TAG: process.env.TAG };
beforeAll(() => {
  for (const k of Object.keys(saved)) delete process.env[k];
  const files = Testing.synth(devBasesApp());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-compose-refs-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v !== undefined) process.env[k] = v;
  }
});

/** The `image:` of every service of `file`, as `docker compose config` resolves it with `env`. */
function images(file: string, env: { [name: string]: string } = {}): { [service: string]: string } {
  Object.assign(process.env, env);
  try {
    const config = JSON.parse(docker(['compose', '-f', file, '--profile', '*', 'config', '--format', 'json'], dir).stdout);
    return Object.fromEntries(Object.entries<any>(config.services).map(([name, s]) => [name, s.image]));
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

describe('compose image references', () => {
  test('are written with the bake file\'s variables', () => {
    const text = fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf-8');
    expect(text).toContain('image: ${REGISTRY:-pickme}/lucid-auth:${TAG:-latest}');
    expect(fs.readFileSync(path.join(dir, 'docker-compose.base.yml'), 'utf-8')).toContain('image: ${REGISTRY:-pickme}/lucid-base:python-distroless');
  });

  test('resolve to the defaults when TAG and REGISTRY are not set', () => {
    const bases = {
      'python-dev': 'pickme/lucid-base:python-distroless',
      'java-dev': 'pickme/lucid-base:java-distroless',
      'dev': 'pickme/lucid-base:latest',
    };
    // docker-compose.yml builds the bases too (build-only services), under the same references
    expect(images('docker-compose.yml')).toEqual({ auth: 'pickme/lucid-auth:latest', ...bases });
    expect(images('docker-compose.base.yml')).toEqual(bases);
  });

  test('follow TAG and REGISTRY, except a fixed tag', () => {
    const env = { TAG: '1.2', REGISTRY: 'r.example' };
    const bases = {
      'python-dev': 'r.example/lucid-base:python-distroless',
      'java-dev': 'r.example/lucid-base:java-distroless',
      'dev': 'r.example/lucid-base:1.2',
    };
    expect(images('docker-compose.yml', env)).toEqual({ auth: 'r.example/lucid-auth:1.2', ...bases });
    expect(images('docker-compose.base.yml', env)).toEqual(bases);
  });
});
