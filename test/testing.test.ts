import * as fs from 'fs';
import * as path from 'path';
import { Layer, LucidApp, LucidService, Plane, ServiceRuntime, Testing } from '../src';

/** A Python service that synthesizes. */
function apiService(app: LucidApp): LucidService {
  return new LucidService(app, 'api', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'API',
    directory: 'apps/api',
    port: 8080,
    runtime: ServiceRuntime.python({}),
  });
}

describe('Testing.problems', () => {
  test('is empty for an app that synthesizes', () => {
    const app = Testing.app();
    apiService(app);
    expect(Testing.problems(app)).toEqual([]);
  });

  test('lists every problem with its construct path, and nothing is written', () => {
    // GIVEN: two services on one port, and a port out of range
    const app = Testing.app();
    for (const [id, port] of [['a', 8080], ['b', 8080], ['c', 70000]] as const) {
      new LucidService(app, id, {
        plane: Plane.OPS,
        layer: Layer.CORE_SUPPORT,
        description: id,
        directory: `apps/${id}`,
        port,
        runtime: ServiceRuntime.python({}),
      });
    }

    // WHEN
    const problems = Testing.problems(app);

    // THEN
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every(p => p.startsWith(`[${app.node.path}/`))).toBe(true);
    expect(problems.some(p => p.startsWith(`[${app.node.path}/c]`) && p.includes('70000'))).toBe(true);
    expect(fs.existsSync(path.join(app.project.outdir, 'docker-bake.hcl'))).toBe(false);
  });

  test('lets other errors through', () => {
    const app = Testing.app();
    jest.spyOn(app, 'preSynthesize').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => Testing.problems(app)).toThrow('disk full');
  });
});

describe('Testing.cleanup', () => {
  test('removes the folders the projects were synthesized into, read-only files included', () => {
    // GIVEN: an app synthesized into its temporary folder
    const app = Testing.app();
    apiService(app);
    Testing.synth(app);
    const outdir = app.project.outdir;
    expect(fs.existsSync(path.join(outdir, 'apps/api/Dockerfile'))).toBe(true);

    // WHEN
    Testing.cleanup();

    // THEN
    expect(fs.existsSync(outdir)).toBe(false);
  });
});
