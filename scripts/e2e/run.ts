// The end-to-end suite on the Lucid reference stack: builds, runs and checks every image of examples/lucid/
// from the files `npx projen` committed there, pinned to the stand-ins' own digests instead of the upstream ones
// of images.lock.json. Usage: npx projen e2e   (root, Debian; see assets/e2e/)
import * as fs from 'fs';
import * as path from 'path';
import { Project } from 'projen';
import { defineLucidStack } from '../../examples/lucid/stack';
import { IMAGE_LOCK_ENV } from '../../src/core/image-lock';
import { runEndToEnd } from '../../src/e2e/run';
import { writeReadback } from './readback';
import { synthWithoutPost } from '../../src/testing';

const repo = path.resolve(__dirname, '..', '..');
const work = process.env.LUCID_E2E_WORK ?? path.join(repo, '.e2e-work');
// The model of the committed files.
const app = defineLucidStack(new Project({ name: 'lucid-e2e', outdir: repo }));
process.exit(runEndToEnd(app, {
  workDir: work,
  repoDir: repo,
  // Builds only from a warm cache: the suite proves the cold replay catches it.
  coldCacheFixtures: ['scripts/e2e/fixtures/maven-cold-cache'],
  // BuildKit's build checks must flag these, by its own rule names (the stack's own Dockerfiles must pass them).
  buildCheckFixtures: {
    'scripts/e2e/fixtures/build-check': {
      noncompliant: ['CopyIgnoredFile', 'FromAsCasing', 'JSONArgsRecommended', 'SecretsUsedInArgOrEnv'],
      suppressed: [],
    },
  },
  // 1,000 hostile values each of LABEL, ENV and ENTRYPOINT, read back from the image BuildKit builds.
  dockerfileReadback: writeReadback,
  // Pushed to the engine's registry: the Go service for both platforms (its builder cross-compiles on the build
  // platform and its runtime stage has no RUN step, so only its runs are emulated), and the Python base and a
  // service built on it for amd64.
  registry: { multiPlatform: ['rdp-services'], amd64Only: ['python-base', 'service-mesh-controller'] },
  // The same stack, synthesized with the stand-ins' lock into a copy of examples/lucid (its sources included).
  pinned: lockFile => {
    const root = path.join(work, 'pinned');
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(path.join(repo, app.outdir), path.join(root, app.outdir), { recursive: true });
    const before = process.env[IMAGE_LOCK_ENV];
    process.env[IMAGE_LOCK_ENV] = lockFile;
    try {
      const project = new Project({ name: 'lucid-e2e-pinned', outdir: root });
      const pinnedApp = defineLucidStack(project);
      synthWithoutPost(project);
      return { repoDir: root, appDir: path.join(root, pinnedApp.outdir) };
    } finally {
      if (before === undefined) {
        delete process.env[IMAGE_LOCK_ENV];
      } else {
        process.env[IMAGE_LOCK_ENV] = before;
      }
    }
  },
}));
