import * as path from 'path';
import { LanguageRecipe, RecipeBaseImage, RecipeRuntime } from './recipe';
import { pathProblems } from '../core/path-grammar';
import { BaseImage, Dockerfile, MountType, RunMount, Stage } from '../dockerfile';
import { shellQuote, shellWords } from '../dockerfile/shell';
import { RuntimeFamily } from '../runtimes';

/** The virtual environment every Python image carries. */
export const VENV = '/opt/venv';

/** PATH of a Python runtime stage: the venv first, then distroless's own PATH. */
export const PYTHON_PATH_ENV = `${VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

/**
 * What the Python recipe reads of a service's runtime (`ServiceRuntime.python()`, whose base image is a
 * `DistrolessPythonBase`).
 * @internal
 */
export interface PythonRecipeRuntime extends RecipeRuntime {
  readonly pythonOptions?: {
    readonly baseImage?: RecipeBaseImage;
    readonly requirements?: string;
    readonly requireHashes?: boolean;
    readonly source?: string;
    readonly main?: string;
    readonly module?: string;
  };
}

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
    builder.addRun(`apt-get update && apt-get install -y --no-install-recommends ${shellWords([...family.builder.packages].sort())} && rm -rf /var/lib/apt/lists/*`);
  }
  builder.addRun(`${shellQuote(interpreter)} -m venv ${shellQuote(VENV)}`);
  if (options.requirements) {
    builder.addCopy([options.requirements], '/tmp/requirements.txt');
    const hashes = options.requireHashes ? ' --require-hashes' : '';
    builder.addRun(`${shellQuote(`${VENV}/bin/pip`)} install --disable-pip-version-check${hashes} -r /tmp/requirements.txt`, {
      mounts: [{ mountType: MountType.CACHE, target: '/root/.cache/pip', id: 'pip' }, ...(options.secretMounts ?? [])],
    });
  }
  // pip has no use at runtime (there is no shell to run it) and weighs ~20 MB.
  builder.addRun(`${shellQuote(`${VENV}/bin/python`)} -m pip uninstall --yes --quiet pip`);
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

/**
 * Python: a venv built by the runtime's own interpreter, the app in `/app`, stopped with SIGINT.
 * @internal
 */
export const PYTHON_RECIPE: LanguageRecipe = {
  name: 'python',
  // Lucid's budget (seed 001).
  defaultBudgetMb: 100,
  compiledProbe: false,
  buildService(context, rt: PythonRecipeRuntime) {
    const o = rt.pythonOptions!;
    const source = o.source ?? 'app';
    const family = rt.family;
    let runtime: Stage;
    if (o.baseImage) {
      runtime = context.dockerfile.addStage('runtime', { baseImage: context.fromLucidImage(o.baseImage) });
    } else {
      const builder = addPythonBuilder(context.dockerfile, family, {
        requirements: o.requirements,
        requireHashes: o.requireHashes,
        secretMounts: context.secretMounts(),
      });
      runtime = context.dockerfile.addStage('runtime', { baseImage: context.fromFamily(family) });
      runtime.addCopy([VENV], VENV, { fromStage: builder });
    }
    // Owned by root whatever USER the base image left active: the service may read its code, not change it.
    runtime.addCopy([source], '/app', { chown: '0:0' });
    if (!o.baseImage) {
      addPythonEnv(runtime);
    }
    runtime.addWorkdir('/app');
    const python = `${VENV}/bin/python3`;
    return {
      runtime,
      family,
      entrypoint: o.module ? [python, '-m', o.module] : [python, path.posix.join('/app', o.main ?? 'main.py')],
      // A Python PID 1 ignores SIGTERM; SIGINT raises KeyboardInterrupt and stops it at once.
      stopSignal: 'SIGINT',
      probe: (url, t) => pythonHttpProbe(family.interpreterPath!, url, t),
    };
  },
  serviceProblems(rt: PythonRecipeRuntime) {
    const o = rt.pythonOptions;
    const problems: string[] = [];
    if (o?.module !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(o.module)) {
      problems.push(`module ${JSON.stringify(o.module)} is not a Python module name: give a dotted name such as "app.main" (run as python -m), or drop module to run main`);
    }
    if (o?.module !== undefined && o.main !== undefined) {
      problems.push('main and module are both given: give main (a file to run) or module (python -m), not both');
    }
    if (o?.main !== undefined) {
      problems.push(...pathProblems('main', o.main));
    }
    if (o?.baseImage && o.requirements) {
      problems.push(`requirements "${o.requirements}" cannot be installed on top of base ${o.baseImage.node.path}: its runtime has no shell or pip. Put them in the base's requirements, or run on distroless directly (drop "baseImage")`);
    }
    return problems;
  },
  structureFiles(facts) {
    const out = [
      { name: `${VENV}/bin/python3 exists, owned by root`, path: `${VENV}/bin/python3`, shouldExist: true, uid: 0 },
      { name: 'no pip in the venv', path: `${VENV}/bin/pip`, shouldExist: false },
    ];
    if (facts.service) {
      out.push({ name: '/app exists, owned by root', path: '/app', shouldExist: true, uid: 0 });
    }
    return out;
  },
  structureCommands({ family }) {
    const version = (family.languageVersion ?? '').replace(/\./g, '\\.');
    return [{ name: `python ${family.languageVersion}`, command: family.interpreterPath!, args: ['--version'], expectedOutput: [`^Python ${version}\\.`] }];
  },
  isOwnProbe: () => false,
};
