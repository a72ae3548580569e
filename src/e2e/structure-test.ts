// A runner for the subset of container-structure-test's schema 2.0.0 that lucid-cdk generates, for the
// end-to-end suite (container-structure-test itself cannot be installed here; CI on GitHub runs the real tool).
// Metadata comes from `docker image inspect`, file checks from `docker cp` of a created (never started)
// container, command tests from `docker run --entrypoint <command>` in exec form, with no network.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { parse } from 'yaml';

type Docker = (args: string[]) => { status: number; stdout: Buffer; stderr: Buffer };

/** Runs the config at `configPath` against `image` (on `platform`, as `container-structure-test --platform`) and returns the failed checks (empty when all pass). */
export function runStructureTest(configPath: string, image: string, env: NodeJS.ProcessEnv,
  platform?: string): { checks: number; failures: string[] } {
  const onPlatform = platform ? ['--platform', platform] : [];
  const docker: Docker = args => {
    const r = spawnSync('docker', args, { env, maxBuffer: 512 * 1024 * 1024 });
    return { status: r.status ?? -1, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr ?? Buffer.alloc(0) };
  };
  const config = parse(fs.readFileSync(configPath, 'utf-8'));
  const failures: string[] = [];
  let checks = 0;
  const expect = (ok: boolean, what: string) => {
    checks++;
    if (!ok) failures.push(what);
  };
  if (config.schemaVersion !== '2.0.0') {
    return { checks: 1, failures: [`schemaVersion ${config.schemaVersion} is not 2.0.0`] };
  }

  // Metadata.
  const inspect = JSON.parse(docker(['image', 'inspect', image]).stdout.toString())[0].Config;
  const m = config.metadataTest ?? {};
  const env0 = new Map<string, string>((inspect.Env ?? []).map((e: string) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  for (const { key, value } of m.envVars ?? []) expect(env0.get(key) === value, `env ${key}=${value} (got ${env0.get(key)})`);
  for (const { key, value } of m.labels ?? []) expect((inspect.Labels ?? {})[key] === value, `label ${key}=${value} (got ${(inspect.Labels ?? {})[key]})`);
  if (m.entrypoint) expect(JSON.stringify(inspect.Entrypoint ?? []) === JSON.stringify(m.entrypoint), `entrypoint ${JSON.stringify(m.entrypoint)} (got ${JSON.stringify(inspect.Entrypoint)})`);
  if (m.cmd) expect(JSON.stringify(inspect.Cmd ?? []) === JSON.stringify(m.cmd), `cmd ${JSON.stringify(m.cmd)} (got ${JSON.stringify(inspect.Cmd)})`);
  for (const p of m.exposedPorts ?? []) expect(p in (inspect.ExposedPorts ?? {}), `exposes ${p}`);
  if (m.workdir !== undefined) expect(inspect.WorkingDir === m.workdir, `workdir ${m.workdir} (got ${inspect.WorkingDir})`);
  if (m.user !== undefined) expect(inspect.User === m.user, `user ${m.user} (got ${inspect.User})`);

  // Files: read from a created container, following the path as docker cp does.
  const created = docker(['create', '--pull', 'never', ...onPlatform, '--network', 'none', image]);
  const id = created.stdout.toString().trim();
  try {
    for (const t of config.fileExistenceTests ?? []) {
      const cp = docker(['cp', `${id}:${t.path}`, '-']);
      const exists = cp.status === 0 && cp.stdout.length >= 512;
      expect(exists === t.shouldExist, `${t.name}: ${t.path} ${t.shouldExist ? 'exists' : 'is absent'}`);
      if (exists && t.shouldExist && t.uid !== undefined) {
        const uid = parseInt(cp.stdout.subarray(108, 116).toString().replace(/\0.*$/, '').trim(), 8);
        expect(uid === t.uid, `${t.name}: ${t.path} is owned by uid ${t.uid} (got ${uid})`);
      }
    }
  } finally {
    docker(['rm', '-f', id]);
  }

  // Commands, in exec form with the image's own binaries.
  for (const t of config.commandTests ?? []) {
    const r = docker(['run', '--rm', '--pull', 'never', ...onPlatform, '--network', 'none', '--entrypoint', t.command, image, ...(t.args ?? [])]);
    const out = r.stdout.toString();
    const err = r.stderr.toString();
    expect(r.status === (t.exitCode ?? 0), `${t.name}: exit code ${t.exitCode ?? 0} (got ${r.status}: ${err.trim().slice(0, 200)})`);
    for (const re of t.expectedOutput ?? []) expect(new RegExp(re, 'm').test(out), `${t.name}: stdout matches /${re}/ (got ${JSON.stringify(out.slice(0, 200))})`);
    for (const re of t.expectedError ?? []) expect(new RegExp(re, 'm').test(err), `${t.name}: stderr matches /${re}/ (got ${JSON.stringify(err.slice(0, 200))})`);
  }
  return { checks, failures };
}
