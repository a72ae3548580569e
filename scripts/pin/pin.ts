// `npx projen pin`: resolves the index digest of every external image of the Lucid reference stack with
// `docker buildx imagetools inspect` and rewrites examples/lucid/images.lock.json (or $LUCID_IMAGE_LOCK).
// $LUCID_PIN_MIRROR=<host:port> looks every image up under that registry instead (e.g. the e2e suite's stand-ins).
import * as path from 'path';
import { Project } from 'projen';
import { defineLucidStack } from '../../examples/lucid/stack';
import { ImagetoolsResolver } from '../../src';

const repo = path.resolve(__dirname, '..', '..');
// The model only: nothing is synthesized from this project.
const app = defineLucidStack(new Project({ name: 'lucid-pin', outdir: repo }));
const resolver = new ImagetoolsResolver();
const lock = app.pinImages(resolver);
lock.save(app.imageLockFile!);
for (const e of lock.entries) {
  console.log(`${e.name}:${e.tag}@${e.digest}`);
}
console.log(`${lock.entries.length} images pinned${resolver.mirror ? ` through ${resolver.mirror}` : ''} in ${path.relative(process.cwd(), app.imageLockFile!) || app.imageLockFile}`);
