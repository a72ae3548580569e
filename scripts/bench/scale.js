// bench/scale.js: synthesis time and memory as the app grows, with the compiled library (lib/, from
// `npx projen compile`). One child process per size, so each size's memory is its own: a LucidApp with a Python
// base and N Python services, half of them on the base, spread over the planes and layers, each depending on an
// earlier one of its own or a lower layer; `project.synth()` with post-synthesis steps off.
// Prints figures; asserts nothing (machines here are shared and noisy).
//
// Usage: node scripts/bench/scale.js [N ...]        (default 10 100 1000)
//        BENCH_TMP=/dev/shm node scripts/bench/scale.js   (synthesize into a RAM disk: the library without the disk)
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const lib = require(path.join(__dirname, '..', '..', 'lib'));
  const { Project } = require('projen');
  const outdir = fs.mkdtempSync(path.join(process.env.BENCH_TMP || os.tmpdir(), 'lucid-bench-'));
  process.env.PROJEN_DISABLE_POST = 'true';
  const t0 = process.hrtime.bigint();
  const project = new Project({ name: 'bench', outdir });
  const app = new lib.LucidApp(project, 'Lucid', { compliance: { packs: [new lib.LucidStrict()] } });
  const base = new lib.DistrolessPythonBase(app, 'python-base', { directory: 'images/python-base' });
  const planes = [lib.Plane.OPS, lib.Plane.CHAIN, lib.Plane.GUI, lib.Plane.WALLET];
  const layers = [lib.Layer.CORE_SUPPORT, lib.Layer.SESSION_PIPELINE, lib.Layer.SERVICE_INTEGRATION, lib.Layer.ADVANCED];
  const services = [];
  for (let i = 0; i < n; i++) {
    const layer = layers[Math.floor((i * layers.length) / n)];
    const dependsOn = services.length > 0 ? [services[Math.floor(i / 2)]] : [];
    services.push(new lib.LucidService(app, `svc-${i}`, {
      plane: planes[i % planes.length],
      layer,
      description: `Service ${i}`,
      directory: `apps/svc-${i}`,
      port: 10000 + i,
      runtime: i % 2 === 0 ? lib.ServiceRuntime.python({ baseImage: base }) : lib.ServiceRuntime.python({}),
      dependsOn,
    }));
  }
  const t1 = process.hrtime.bigint();
  const logger = project.logger;
  logger.warn = () => undefined;
  project.synth();
  const t2 = process.hrtime.bigint();
  fs.rmSync(outdir, { recursive: true, force: true });
  const ms = x => Number(x) / 1e6;
  process.stdout.write(JSON.stringify({ n, buildMs: ms(t1 - t0), synthMs: ms(t2 - t1), rssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const sizes = process.argv.slice(2).map(Number);
const rows = [];
for (const n of sizes.length > 0 ? sizes : [10, 100, 1000]) {
  const out = execFileSync(process.execPath, [__filename, '--child', String(n)], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(out);
  rows.push(r);
  console.log(`${String(n).padStart(5)} services: build ${r.buildMs.toFixed(0).padStart(7)} ms, synth ${r.synthMs.toFixed(0).padStart(8)} ms, ` +
    `total ${(r.buildMs + r.synthMs).toFixed(0).padStart(8)} ms, max RSS ${r.rssMiB.toFixed(0)} MiB`);
}
const by = Object.fromEntries(rows.map(r => [r.n, r.buildMs + r.synthMs]));
if (by[100] && by[1000]) {
  console.log(`1,000 cost ${(by[1000] / by[100]).toFixed(1)}x what 100 cost (linear would be 10x)`);
}
