import * as path from 'path';
import { addGoProbeStage, GO_PROBE, isGoProbe, tcpProbeTarget } from './go';
import { LanguageRecipe, RecipeImage, RecipeRuntime } from './recipe';
import { isDebianPackage, isProgramPath } from './words';
import { invalidDebianPackage, invalidProgramPath } from '../core/errors';
import { GeneratedFile } from '../core/generated-file';
import { BaseImage } from '../dockerfile';
import { shellWords } from '../dockerfile/shell';
import { RuntimeFamily, RuntimeLanguage } from '../runtimes';

/** Where the closure script is generated, relative to the build context. */
export const DEBIAN_CLOSURE_SOURCE = '.lucid/copy-closure.sh';
/** Where generated configuration files are put in the build context, under their path in the image. */
export const DEBIAN_FILES_DIR = '.lucid/files';
/** Where the builder collects what the runtime stage copies, under the paths the runtime sees. */
export const DEBIAN_OUT = '/out';
/** Lucid's size budget of an image of Debian programs: distroless base (about 20 MB) and a program's libraries. */
export const DEBIAN_BUDGET_MB = 60;

/**
 * The script the builder runs to collect programs with their shared-library closure: POSIX sh, run by the builder
 * image's own `/bin/sh`. @internal
 */
export const DEBIAN_CLOSURE_SCRIPT = `# copy-closure OUT PATH...: copies each PATH (a program, a file or a folder) into OUT under the same path,
# with every shared library an ELF program needs (as ldd resolves them), following symlinks and keeping both the
# link and its target. Folders on the way are resolved (/lib is /usr/lib on Debian 13), so OUT never holds a
# folder where the runtime image has a symlink. Fails when a program needs a library that is not there.
set -eu
out=$1
shift

# real DIR: the folder DIR with every symlink in it resolved.
real() { (cd "$1" && pwd -P); }

# copy PATH: PATH into OUT; a symlink as a link, then what it points to.
copy() {
  p=$(real "$(dirname "$1")")/$(basename "$1")
  while [ -L "$p" ]; do
    mkdir -p "$out$(dirname "$p")"
    cp -P "$p" "$out$p"
    t=$(readlink "$p")
    case $t in /*) ;; *) t=$(dirname "$p")/$t ;; esac
    p=$(real "$(dirname "$t")")/$(basename "$t")
  done
  mkdir -p "$out$(dirname "$p")"
  if [ -d "$p" ]; then
    mkdir -p "$out$p"
    cp -a "$p/." "$out$p/"
  else
    cp -a "$p" "$out$p"
  fi
}

for f in "$@"; do
  [ -e "$f" ] || { echo "copy-closure: $f does not exist in the builder: install the package that ships it" >&2; exit 1; }
  copy "$f"
  if [ -f "$f" ] && ldd "$f" >/tmp/ldd 2>/dev/null; then
    if grep -q 'not found' /tmp/ldd; then
      echo "copy-closure: $f needs libraries that are not installed:" >&2
      grep 'not found' /tmp/ldd >&2
      exit 1
    fi
    for lib in $(awk '$2 == "=>" && $3 ~ /^\\// { print $3 } $1 ~ /^\\// { print $1 }' /tmp/ldd); do
      copy "$lib"
    done
  fi
done
rm -f /tmp/ldd
`;

/**
 * A file generated into the image: a program's configuration.
 */
export interface DebianConfigFile {
  /** Its absolute path in the image, e.g. `/etc/tor/torrc`. */
  readonly path: string;
  /** Its contents, written as given (add the final newline). */
  readonly contents: string;
}

/**
 * Options of a service made of programs that Debian packages.
 */
export interface DebianPackagesRuntimeOptions {
  /** The Debian packages installed in the builder (`apt-get install --no-install-recommends`), e.g. `['tor']`. */
  readonly packages: string[];
  /**
   * The programs copied into the runtime image, each with its shared-library closure, at the absolute path the
   * package installs it at, e.g. `['/usr/bin/tor']`.
   */
  readonly programs: string[];
  /**
   * The exec-form entrypoint: an absolute program path first, which must be one of `programs`.
   * @default - the first of `programs`, alone
   */
  readonly entrypoint?: string[];
  /**
   * Other files and folders of the builder copied as they are (data a program reads, plugins it loads), by
   * absolute path.
   * @default []
   */
  readonly files?: string[];
  /**
   * Configuration files generated into the build context and copied into the image, owned by root.
   * @default []
   */
  readonly configFiles?: DebianConfigFile[];
  /**
   * The distroless family the programs run on: `base` (glibc, libssl, zlib), or `cc` when they link libstdc++.
   * The closure is copied either way; the builder is the family's Debian image (`debian:13-slim` for Debian 13).
   * @default RuntimeFamily.BASE_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * The argument each program is run with by the structure test, in exec form, to show it starts in the runtime
   * image (an empty string runs no such check).
   * @default '--version'
   */
  readonly versionFlag?: string;
}

/** What the recipe reads of a service's runtime (`ServiceRuntime.debianPackages()`). @internal */
export interface DebianRecipeRuntime extends RecipeRuntime {
  readonly debianOptions?: DebianPackagesRuntimeOptions;
}


/**
 * Generates a file into a service's build context; `comment` starts the lines of the generated-file marker (none
 * for a configuration file, whose format the recipe does not know).
 */
function generate(image: RecipeImage, relative: string, contents: string, comment?: string): void {
  new GeneratedFile(image, image.app.filePath(path.posix.join(image.directory, relative)), {
    render: header => (comment === undefined ? '' : header.map(h => `${comment}${h}\n`).join('')) + contents,
  });
}

/** The entrypoint of the options. */
function entrypointOf(o: DebianPackagesRuntimeOptions): string[] {
  return o.entrypoint && o.entrypoint.length > 0 ? [...o.entrypoint] : o.programs.slice(0, 1);
}

/**
 * Programs that Debian packages, on distroless: installed with apt in the family's Debian builder, copied with
 * their shared-library closure onto distroless `base` or `cc` (the official image as builder, binaries copied onto
 * distroless), with the compiled Go probe when the health check is HTTP or TCP.
 * @internal
 */
export const DEBIAN_RECIPE: LanguageRecipe = {
  name: 'debian',
  defaultBudgetMb: DEBIAN_BUDGET_MB,
  compiledProbe: true,
  buildService(context, rt: DebianRecipeRuntime) {
    const o = rt.debianOptions!;
    const family = rt.family;
    generate(context.image, DEBIAN_CLOSURE_SOURCE, DEBIAN_CLOSURE_SCRIPT, '# ');
    const builder = context.dockerfile.addStage('builder', { baseImage: BaseImage.fromRegistry(family.builder.image) });
    builder.addArg('DEBIAN_FRONTEND', 'noninteractive');
    builder.addRun(`apt-get update && apt-get install -y --no-install-recommends ${shellWords([...o.packages].sort())} && rm -rf /var/lib/apt/lists/*`,
      { mounts: context.secretMounts() });
    builder.addCopy([DEBIAN_CLOSURE_SOURCE], '/usr/local/bin/copy-closure');
    builder.addRun(`sh /usr/local/bin/copy-closure ${shellWords([DEBIAN_OUT, ...o.programs, ...(o.files ?? [])])}`);

    const probe = context.needsProbe ? addGoProbeStage(context, family) : undefined;

    const runtime = context.dockerfile.addStage('runtime', { baseImage: context.fromFamily(family) });
    // Owned by root: the service may run its programs and read their files, not change them.
    runtime.addCopy([`${DEBIAN_OUT}/`], '/', { fromStage: builder, chown: '0:0' });
    for (const file of [...(o.configFiles ?? [])].sort((a, b) => a.path.localeCompare(b.path))) {
      const source = path.posix.join(DEBIAN_FILES_DIR, file.path);
      generate(context.image, source, file.contents);
      runtime.addCopy([source], file.path, { chown: '0:0', chmod: '0644' });
    }
    if (probe) {
      runtime.addCopy([`${DEBIAN_OUT}${GO_PROBE}`], GO_PROBE, { fromStage: probe, chown: '0:0' });
    }
    return {
      runtime,
      family,
      entrypoint: entrypointOf(o),
      // Debian's daemons (tor, redis-server) shut down cleanly on SIGTERM.
      stopSignal: 'SIGTERM',
      probe: (url, t) => [GO_PROBE, url, String(t)],
      tcpProbe: (port, t) => [GO_PROBE, tcpProbeTarget(port), String(t)],
    };
  },
  serviceProblems(rt: DebianRecipeRuntime) {
    const o = rt.debianOptions!;
    const problems: string[] = [];
    if (rt.family.language !== RuntimeLanguage.NATIVE || rt.family.name.startsWith('static-')) {
      problems.push(`family ${rt.family.name} cannot run Debian's programs: use RuntimeFamily.BASE_DEBIAN13, or RuntimeFamily.CC_DEBIAN13 when they link libstdc++`);
    }
    if (o.packages.length === 0) {
      problems.push('no Debian packages to install: name the packages that ship the programs, e.g. packages: ["tor"]');
    }
    for (const p of o.packages.filter(x => !isDebianPackage(x))) {
      problems.push(invalidDebianPackage('', 'packages', p).problem);
    }
    if (o.programs.length === 0) {
      problems.push('no programs to copy: give the absolute path of each program the service runs, e.g. programs: ["/usr/bin/tor"]');
    }
    for (const p of o.programs.filter(x => !isProgramPath(x))) {
      problems.push(invalidProgramPath('', 'programs', p).problem);
    }
    for (const p of (o.files ?? []).filter(x => !isProgramPath(x))) {
      problems.push(invalidProgramPath('', 'files', p).problem);
    }
    for (const f of (o.configFiles ?? []).filter(x => !isProgramPath(x.path))) {
      problems.push(invalidProgramPath('', 'configFiles', f.path).problem);
    }
    const entry = entrypointOf(o);
    if (entry.length > 0 && !o.programs.includes(entry[0])) {
      problems.push(`entrypoint starts with "${entry[0]}", which is not one of the programs copied: add it to programs, or start one of ${o.programs.join(', ')}`);
    }
    return problems;
  },
  structureFiles(facts) {
    const o = (facts.runtime as DebianRecipeRuntime | undefined)?.debianOptions;
    if (!facts.service || !o) {
      return [];
    }
    const must = (p: string, what: string) => ({ name: `${p} ${what}`, path: p, shouldExist: true, uid: 0 });
    return [
      ...o.programs.map(p => must(p, 'exists, owned by root')),
      ...(o.configFiles ?? []).map(f => ({ ...must(f.path, 'exists, owned by root, not writable by others'), permissions: '-rw-r--r--' })),
      ...(facts.probe ? [must(GO_PROBE, 'exists, owned by root')] : []),
    ];
  },
  structureCommands(facts) {
    const o = (facts.runtime as DebianRecipeRuntime | undefined)?.debianOptions;
    if (!facts.service || !o) {
      return [];
    }
    const flag = o.versionFlag ?? '--version';
    const versions = flag === '' ? [] : o.programs.map(p => ({ name: `${path.posix.basename(p)} ${flag} runs without a shell`, command: p, args: [flag], exitCode: 0 }));
    const probe = facts.probe ? [{ name: 'health probe runs', command: GO_PROBE, args: [], exitCode: 1, expectedError: ['^usage: lucid-healthcheck '] }] : [];
    return [...versions, ...probe];
  },
  isOwnProbe: isGoProbe,
};
