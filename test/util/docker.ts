import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';

let cachedConfig: string | undefined;

/**
 * The DOCKER_CONFIG folder holding the buildx and compose CLI plugins, installed from Debian packages by
 * `assets/e2e/setup-docker-tools.sh` (cached on disk, so only the first call downloads anything).
 */
export function dockerConfigDir(): string {
  if (!cachedConfig) {
    const script = path.join(__dirname, '..', '..', 'assets', 'e2e', 'setup-docker-tools.sh');
    const out = execFileSync('bash', [script], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
    cachedConfig = out.trim().split('\n').pop()!;
  }
  return cachedConfig;
}

/** Result of running the docker CLI. */
export interface DockerResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the docker CLI (with the project's plugins) in `cwd`. No engine is needed for the commands the unit
 * tests use (`buildx bake --print`, `compose config`). Throws with the CLI's output when it exits non-zero,
 * unless `allowFailure` is set.
 */
export function docker(args: string[], cwd: string, allowFailure = false): DockerResult {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: dockerConfigDir(), BUILDX_NO_DEFAULT_ATTESTATIONS: '1' };
  // The tests read files; they must never reach a daemon or a registry.
  delete env.DOCKER_HOST;
  const r = spawnSync('docker', args, { cwd, env, encoding: 'utf-8' });
  const result = { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (!allowFailure && result.status !== 0) {
    throw new Error(`docker ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  }
  return result;
}
