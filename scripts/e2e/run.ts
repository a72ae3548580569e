// The end-to-end suite on the Lucid reference stack: builds, runs and checks every image of examples/lucid/
// from the files `npx projen` committed there. Usage: npx projen e2e   (root, Debian; see assets/e2e/)
import * as path from 'path';
import { Project } from 'projen';
import { defineLucidStack } from '../../examples/lucid/stack';
import { runEndToEnd } from '../../src/e2e/run';

const repo = path.resolve(__dirname, '..', '..');
// The model only: nothing is synthesized from this project, the committed files are what is built.
const app = defineLucidStack(new Project({ name: 'lucid-e2e', outdir: repo }));
process.exit(runEndToEnd(app, {
  workDir: process.env.LUCID_E2E_WORK ?? path.join(repo, '.e2e-work'),
  repoDir: repo,
  // Builds only from a warm cache: the suite proves the cold replay catches it.
  coldCacheFixtures: ['scripts/e2e/fixtures/maven-cold-cache'],
}));
