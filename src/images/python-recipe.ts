import { BaseImage, Dockerfile, MountType, RunMount, Stage } from '../dockerfile';
import { RuntimeFamily } from '../runtimes';

/** The virtual environment every Python image carries. */
export const VENV = '/opt/venv';

/** PATH of a Python runtime stage: the venv first, then distroless's own PATH. */
export const PYTHON_PATH_ENV = `${VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

/** Options of the Python builder stage. @internal */
export interface PythonBuilderOptions {
  readonly requirements?: string;
  readonly requireHashes?: boolean;
  /** Secret mounts of the dependency step. */
  readonly secretMounts?: RunMount[];
}

/**
 * Adds the builder stage of a Python image: the runtime's own Debian interpreter (same path, same minor
 * version) builds the venv, so its `home`, its symlinks and its console-script shebangs exist at runtime.
 * @internal
 */
export function addPythonBuilder(df: Dockerfile, family: RuntimeFamily, options: PythonBuilderOptions): Stage {
  const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry(family.builder.image) });
  const interpreter = family.builder.interpreterPath ?? family.interpreterPath!;
  builder.addArg('DEBIAN_FRONTEND', 'noninteractive');
  if (family.builder.packages.length > 0) {
    builder.addRun(`apt-get update && apt-get install -y --no-install-recommends ${[...family.builder.packages].sort().join(' ')} && rm -rf /var/lib/apt/lists/*`);
  }
  builder.addRun(`${interpreter} -m venv ${VENV}`);
  if (options.requirements) {
    builder.addCopy([options.requirements], '/tmp/requirements.txt');
    const hashes = options.requireHashes ? ' --require-hashes' : '';
    builder.addRun(`${VENV}/bin/pip install --disable-pip-version-check${hashes} -r /tmp/requirements.txt`, {
      mounts: [{ mountType: MountType.CACHE, target: '/root/.cache/pip', id: 'pip' }, ...(options.secretMounts ?? [])],
    });
  }
  // pip has no use at runtime (there is no shell to run it) and weighs ~20 MB.
  builder.addRun(`${VENV}/bin/python -m pip uninstall --yes --quiet pip`);
  return builder;
}

/** Adds the environment every Python runtime stage sets. @internal */
export function addPythonEnv(stage: Stage): void {
  stage.addEnv('PATH', PYTHON_PATH_ENV);
  stage.addEnv('VIRTUAL_ENV', VENV);
  stage.addEnv('PYTHONDONTWRITEBYTECODE', '1');
  stage.addEnv('PYTHONUNBUFFERED', '1');
  stage.addEnv('LANG', 'C.UTF-8');
  stage.addEnv('LC_ALL', 'C.UTF-8');
}

/**
 * An HTTP probe in exec form run by the runtime's own Python: exits 0 only on a 2xx answer
 * (urllib raises on 4xx/5xx, on timeouts and on refused connections).
 * @internal
 */
export function pythonHttpProbe(interpreter: string, url: string, timeoutSeconds: number): string[] {
  const script = 'import sys, urllib.request; ' +
    `r = urllib.request.urlopen(${JSON.stringify(url)}, timeout=${timeoutSeconds}); ` +
    'sys.exit(0 if 200 <= r.status < 300 else 1)';
  return [interpreter, '-c', script];
}
