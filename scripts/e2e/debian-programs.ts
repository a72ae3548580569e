// The end-to-end check of the services built from Debian's packages onto distroless: a throwaway app with the
// Tor proxy and Redis, synthesized into a temporary folder, then built, run and checked by the e2e suite (image
// user 65532:65532, no /bin/sh, structure test, health check healthy, process uid 65532, size budget, compose up
// --wait). Usage (root, Debian; see assets/e2e/):
//   npx ts-node --swc --project projenrc/tsconfig.json scripts/e2e/debian-programs.ts
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Project } from 'projen';
import { DistrolessRedis, LucidApp, TorProxy } from '../../src';
import { runEndToEnd } from '../../src/e2e/run';
import { synthWithoutPost } from '../../src/testing';

const repo = path.resolve(__dirname, '..', '..');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-debian-programs-'));
const project = new Project({ name: 'lucid-debian-programs', outdir });
const app = new LucidApp(project, 'Lucid');
new TorProxy(app, 'tor-proxy', { directory: 'apps/tor-proxy' });
new DistrolessRedis(app, 'redis', { directory: 'apps/redis' });
synthWithoutPost(project);
const status = runEndToEnd(app, { workDir: process.env.LUCID_E2E_WORK ?? path.join(repo, '.e2e-work') });
fs.rmSync(outdir, { recursive: true, force: true });
process.exit(status);
