import * as fs from 'fs';
import * as path from 'path';
import { TextFile } from 'projen';
import { LucidApp, LucidService, Layer, Plane, ServiceRuntime, Testing } from '../../src';

function service(scope: any, id: string, directory: string) {
  return new LucidService(scope, id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: id,
    directory,
    port: 8080,
    runtime: ServiceRuntime.python({}),
  });
}

describe('file paths', () => {
  test('two lucid-cdk files with one path: the second is refused when it is created, naming the first', () => {
    const app = Testing.app();
    service(app, 'a', 'apps/shared');
    expect(() => service(app, 'b', 'apps/shared'))
      .toThrow(/^\[.*\/Lucid\/b\] would write apps\/shared\/Dockerfile, which .*\/Lucid\/a already writes: give each image and service a directory of its own$/);
  });

  test('a projen file created before a lucid-cdk file with its path: synthesis names both and writes nothing', () => {
    const project = Testing.project();
    new TextFile(project, 'apps/x/Dockerfile', { lines: ['FROM scratch'] });
    const app = new LucidApp(project, 'Lucid');
    service(app, 'x', 'apps/x');

    const problems = Testing.problems(app);
    expect(problems).toEqual([
      expect.stringMatching(/^\[.*\/Lucid\] apps\/x\/Dockerfile is written both by .*\/Lucid\/x and by .*\/TextFile@apps--x--Dockerfile: give one of them another path/),
    ]);
    expect(fs.existsSync(path.join(project.outdir, 'apps/x/Dockerfile'))).toBe(false);
  });

  test('a projen file created after a lucid-cdk file with its path is refused by projen', () => {
    const app = Testing.app();
    service(app, 'x', 'apps/x');
    expect(() => new TextFile(app.project, 'apps/x/Dockerfile', { lines: ['FROM scratch'] }))
      .toThrow(/There is already a file under apps\/x\/Dockerfile/);
  });

  test('a path freed by removing a lucid-cdk file can be used again', () => {
    const app = Testing.app();
    service(app, 'x', 'apps/x');
    expect(app.project.tryRemoveFile('apps/x/Dockerfile')).toBeDefined();
    expect(() => new TextFile(app.project, 'apps/x/Dockerfile', { lines: ['FROM scratch'] })).not.toThrow();
  });
});
