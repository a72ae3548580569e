import { parse } from 'yaml';
import { schemaProblems } from './util';
import { Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../src';
import { DistrolessPythonBase } from '../../src/images';

/** An app with a Python base image and a service built FROM it, and one service on distroless directly. */
function appWithBase() {
  const app = Testing.app();
  const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base', requirements: 'requirements.txt' });
  const api = new LucidService(app, 'api', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'api',
    directory: 'apps/api',
    port: 8080,
    runtime: ServiceRuntime.python({ baseImage: base }),
  });
  new LucidService(app, 'plain', {
    plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'plain', directory: 'apps/plain', port: 8081, runtime: ServiceRuntime.python(),
  });
  return { app, base, api };
}

describe('docker-compose.yml builds the images that sit on a base image', () => {
  test('the base image is a build-only service: built by up --build, never run', () => {
    // GIVEN
    const { app } = appWithBase();

    // WHEN
    const compose = parse(Testing.synth(app)['docker-compose.yml']);

    // THEN
    expect(compose.services['python-base']).toEqual({
      // the same REGISTRY and TAG variables as the services (and bake)
      image: '${REGISTRY:-pickme}/lucid-python-base:${TAG:-latest}',
      build: { context: 'images/python-base', dockerfile: 'Dockerfile', target: 'runtime' },
      scale: 0,
    });
  });

  test('a service on a base names the base\'s build in additional_contexts, under its FROM reference', () => {
    // GIVEN
    const { app } = appWithBase();

    // WHEN
    const files = Testing.synth(app);
    const compose = parse(files['docker-compose.yml']);

    // THEN the Dockerfile's FROM, the bake context and the compose context agree
    expect(files['apps/api/Dockerfile']).toMatch(/^FROM pickme\/lucid-python-base:latest AS runtime$/m);
    expect(files['docker-bake.hcl']).toMatch(/"pickme\/lucid-python-base" = "target:python-base"/);
    expect(compose.services.api.build.additional_contexts).toEqual({ 'pickme/lucid-python-base': 'service:python-base' });
    expect(compose.services.plain.build.additional_contexts).toBeUndefined();
  });

  test('the header tells how to run it: up --build, bases built first', () => {
    const { app } = appWithBase();
    const text = Testing.synth(app)['docker-compose.yml'];
    const header = text.split('\n').filter(l => l.startsWith('#')).join('\n');
    expect(header).toContain("docker compose --profile '*' up --build --wait");
    expect(header).toContain('additional_contexts');
    expect(header).not.toMatch(/up --wait/);
  });

  test('the official compose-spec schema accepts the file', () => {
    const { app } = appWithBase();
    expect(schemaProblems(Testing.synth(app)['docker-compose.yml'])).toEqual([]);
  });
});
