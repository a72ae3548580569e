import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Project } from 'projen';
import { parse } from 'yaml';
import { DistrolessPythonBase, Layer, LucidApp, LucidService, Plane, ServiceRuntime, Testing } from '../../src';
import { hcl2json } from '../bake/util';

// One model, many emitters: a service declared once appears in every generated artifact, and removing it
// removes it from all of them, down to its files on disk.

/** Synthesizes a Lucid app with the given services into `outdir` (a new projen project each time, as a re-run). */
function synthStack(outdir: string, services: string[]): { [p: string]: string } {
  const project = new Project({ name: 'lucid-cdk-test', outdir });
  const app = new LucidApp(project, 'Lucid', { outdir: 'stack', compliance: { packs: [] } });
  const base = new DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base', requirements: 'requirements.txt' });
  services.forEach((id, i) => new LucidService(app, id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: id,
    directory: `apps/${id}`,
    port: 8080 + i,
    runtime: ServiceRuntime.python({ baseImage: base }),
  }));
  return Testing.synth(app);
}

/** Every file under `dir`, relative to it. */
function filesOnDisk(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function facts(files: { [p: string]: string }) {
  const bake = await hcl2json(files['docker-bake.hcl']);
  return {
    targets: Object.keys(bake.target).sort(),
    services: Object.keys(parse(files['docker-compose.yml']).services).sort(),
    jobs: Object.keys(parse(files['.github/workflows/images.yml']).jobs).sort(),
  };
}

describe('adding and removing a service', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-add-remove-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('adds exactly its bake target, compose service, workflow job and files, and removing it deletes them', async () => {
    // GIVEN an app with two services, synthesized
    const two = synthStack(outdir, ['gateway', 'auth']);
    const diskTwo = filesOnDisk(outdir);
    const before = await facts(two);

    // WHEN the same project is synthesized again with a third service
    const three = synthStack(outdir, ['gateway', 'auth', 'wallet']);
    const diskThree = filesOnDisk(outdir);
    const after = await facts(three);

    // THEN exactly its target, service and job appear
    expect(after.targets.filter(t => !before.targets.includes(t))).toEqual(['wallet']);
    expect(before.targets.filter(t => !after.targets.includes(t))).toEqual([]);
    expect(after.services.filter(s => !before.services.includes(s))).toEqual(['wallet']);
    expect(after.jobs.filter(j => !before.jobs.includes(j))).toEqual(['build-wallet']);
    expect(before.jobs.filter(j => !after.jobs.includes(j))).toEqual([]);
    // and its job is ordered after its base image, like its bake target
    expect(parse(three['.github/workflows/images.yml']).jobs['build-wallet'].needs).toEqual(['build-python-base']);
    // and exactly its files are new, on disk and in the app's output
    const added = ['stack/apps/wallet/.dockerignore', 'stack/apps/wallet/Dockerfile', 'stack/apps/wallet/structure-test.yaml'];
    expect(diskThree.filter(f => !diskTwo.includes(f))).toEqual(added);
    expect(Object.keys(three).filter(f => !(f in two)).sort()).toEqual(added.map(f => f.replace(/^stack\//, '')));
    // while the shared files changed to include it
    for (const shared of ['docker-bake.hcl', 'docker-compose.yml', '.github/workflows/images.yml']) {
      expect(three[shared]).not.toBe(two[shared]);
      expect(three[shared]).toContain('wallet');
    }

    // WHEN the service is removed again
    const again = synthStack(outdir, ['gateway', 'auth']);
    const diskAgain = filesOnDisk(outdir);

    // THEN its files are deleted from disk and every artifact is back to what it was
    expect(diskAgain).toEqual(diskTwo);
    for (const f of added) {
      expect(fs.existsSync(path.join(outdir, f))).toBe(false);
    }
    expect(again).toEqual(two);
    expect(await facts(again)).toEqual(before);
  });
});
