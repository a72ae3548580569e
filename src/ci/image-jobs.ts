import { bakeSecretInputs, removeSecretFilesStep, writeSecretFilesStep } from './build-secrets';
import { wrap } from './expression';
import { imageChecks } from './image-checks';
import type { ImageJobSettings } from './image-job-settings';
import { script, shellQuote } from './shell';
import { Job, Step } from './workflow-model';
import { architectureOf, perArchTargetName } from '../bake/per-arch';
import { baseChain } from '../images/base-chain';
import type { LucidImage } from '../images/lucid-image';

/** The job id of an image's build (or, with native fan-out, its per-platform matrix job). */
export function buildJobId(image: LucidImage): string {
  return `build-${image.targetName}`;
}

/** The job id of an image's manifest merge (native fan-out). */
export function mergeJobId(image: LucidImage): string {
  return `merge-${image.targetName}`;
}

/**
 * The jobs of one image on one runner: build for the test platform and load it, test it, then (when pushing)
 * build for every platform and push. `needs` are the build jobs of the app's images it is built FROM.
 */
export function singleRunnerJobs(image: LucidImage, s: ImageJobSettings): { [id: string]: Job } {
  const testPlatform = s.platforms.includes('linux/amd64') ? 'linux/amd64' : s.platforms[0];
  const steps: Step[] = [
    checkout(s),
    // QEMU runs the builds (and the test) for platforms the runner is not.
    ...(s.platforms.some(p => p !== 'linux/amd64') ? [{ name: 'Set up QEMU', uses: s.pins.uses('docker/setup-qemu-action') }] : []),
    { name: 'Set up Buildx', uses: s.pins.uses('docker/setup-buildx-action') },
    resolveImage(image, s),
    login(s),
    ...optional(writeSecretFilesStep([image, ...baseChain(image)], s.buildSecretNames)),
    bake(`Build ${image.targetName} for ${testPlatform} and load it`, image, s, {
      load: true,
      // The test build reads the multi-platform cache the push writes, but writes its own scope: one scope written
      // by both would hold only the test platform after each test build, and the push would rebuild the others.
      ...cacheOverrides(image, s, t => [`scope=${t._cacheName}`, `scope=${t._cacheName}-${arch(testPlatform)}`], t => `scope=${t._cacheName}-${arch(testPlatform)}`),
    }, { PLATFORMS: testPlatform }),
    ...imageChecks(image, s),
    {
      // With per-architecture tags, the bake file's `<target>-<arch>` targets push `<tag>-<arch>` from the same
      // build, each writing the cache scope of its platform (the one the test build reads).
      ...bake(`Push ${[image.targetName, ...perArchTargets(image, s)].join(', ')} for ${s.platforms.join(', ')}`, image, s, {
        push: true,
        ...perArchCache(image, s),
      }, s.attest ? { ATTEST: 'true' } : undefined, [image.targetName, ...perArchTargets(image, s)]),
      if: s.pushCondition,
    },
    ...optional(removeSecretFilesStep([image, ...baseChain(image)])),
  ];
  return {
    [buildJobId(image)]: {
      'name': `build ${image.targetName}`,
      ...needs(image.baseImages.map(buildJobId)),
      'runs-on': s.runsOn,
      'permissions': s.pushPermissions,
      'timeout-minutes': s.timeoutMinutes,
      'env': { TAG: s.tag, CACHE: s.cache, PLATFORM: testPlatform },
      steps,
    },
  };
}

/**
 * The jobs of one image with native fan-out: a matrix job builds, tests and pushes by digest on each platform's
 * own runner; a merge job then creates the multi-platform manifest list. A matrix job needs the merge jobs of the
 * app's images it is built FROM.
 */
export function nativeJobs(image: LucidImage, s: ImageJobSettings): { [id: string]: Job } {
  const t = image.targetName;
  // Each platform job keeps its own cache scope: jobs of different platforms writing one scope would replace
  // each other's cache.
  const scope = (i: LucidImage) => `scope=${i._cacheName}-${wrap('matrix.arch')}`;
  const perPlatformCache = cacheOverrides(image, s, i => [scope(i)], scope);
  const build: Step[] = [
    checkout(s),
    { name: 'Set up Buildx', uses: s.pins.uses('docker/setup-buildx-action') },
    resolveImage(image, s),
    login(s),
    ...optional(writeSecretFilesStep([image, ...baseChain(image)], s.buildSecretNames)),
    bake(`Build ${t} for \${{ matrix.platform }} and load it`, image, s, { load: true, ...perPlatformCache }),
    ...imageChecks(image, s),
    {
      ...bake(`Push ${t} for \${{ matrix.platform }} by digest`, image, s, {
        set: [
          `*.platform=${wrap('matrix.platform')}`,
          '*.output=type=image,push-by-digest=true,name-canonical=true,push=true',
          ...(perPlatformCache.set ? [perPlatformCache.set] : []),
        ].join('\n'),
      }, s.attest ? { ATTEST: 'true' } : undefined),
      id: 'push',
      if: s.pushCondition,
    },
    {
      name: 'Export the digest',
      if: s.pushCondition,
      env: { METADATA: wrap('steps.push.outputs.metadata') },
      shell: 'bash',
      run: script([
        `target=${shellQuote(t)}`,
        'digest="$(jq -r --arg t "$target" \'.[$t]["containerimage.digest"]\' <<<"$METADATA")"',
        'case "$digest" in sha256:*) ;; *) echo "::error::no digest for $target in the bake metadata"; exit 1 ;; esac',
        'mkdir -p "$RUNNER_TEMP/digests"',
        'touch "$RUNNER_TEMP/digests/${digest#sha256:}"',
      ]),
    },
    {
      name: 'Upload the digest',
      if: s.pushCondition,
      uses: s.pins.uses('actions/upload-artifact'),
      with: {
        'name': `digests-${t}-${wrap('matrix.arch')}`,
        'path': `${wrap('runner.temp')}/digests/*`,
        'if-no-files-found': 'error',
        'retention-days': 1,
      },
    },
    ...optional(removeSecretFilesStep([image, ...baseChain(image)])),
  ];
  // Each platform's digest stays in its artifact's folder (`digests-<target>-<arch>/<digest>`): the per-architecture
  // tags are made from it.
  const perArch = s.perArchTags ? s.platforms.flatMap(platform => {
    const folder = shellQuote(`digests-${t}-${arch(platform)}`);
    return [
      `docker buildx imagetools create -t "$IMAGE-${arch(platform)}" "$REPOSITORY@sha256:$(ls ${folder})"`,
      `docker buildx imagetools inspect "$IMAGE-${arch(platform)}"`,
    ];
  }) : [];
  const merge: Step[] = [
    {
      name: 'Download the digests',
      uses: s.pins.uses('actions/download-artifact'),
      with: { path: `${wrap('runner.temp')}/digests`, pattern: `digests-${t}-*` },
    },
    { name: 'Set up Buildx', uses: s.pins.uses('docker/setup-buildx-action') },
    resolveImage(image, s),
    login(s),
    {
      name: s.perArchTags ? `Create the manifest list of ${t} and its per-architecture tags` : `Create the manifest list of ${t}`,
      shell: 'bash',
      run: script([
        'cd "$RUNNER_TEMP/digests"',
        'sources=()',
        'for digest in */*; do sources+=("$REPOSITORY@sha256:${digest#*/}"); done',
        'docker buildx imagetools create -t "$IMAGE" "${sources[@]}"',
        'docker buildx imagetools inspect "$IMAGE"',
        ...perArch,
      ]),
    },
    // The job runs only when pushing: its steps need no condition of their own (the login step has one).
  ].map(step => ({ ...step, if: undefined }));
  const include = s.platforms.map(platform => ({
    platform,
    arch: arch(platform),
    runner: s.nativeRunners[platform],
  }));
  return {
    [buildJobId(image)]: {
      'name': `build ${t} (${wrap('matrix.platform')})`,
      ...nativeNeeds(image),
      'runs-on': wrap('matrix.runner'),
      'permissions': s.pushPermissions,
      'timeout-minutes': s.timeoutMinutes,
      'strategy': { 'fail-fast': false, 'matrix': { include } },
      'env': { TAG: s.tag, CACHE: s.cache, PLATFORM: wrap('matrix.platform'), PLATFORMS: wrap('matrix.platform') },
      'steps': build,
    },
    // Only when pushing: on pull requests it would take a runner to skip every step. The images built on this
    // one run after it all the same (see nativeNeeds).
    [mergeJobId(image)]: {
      'name': `merge ${t}`,
      'needs': [buildJobId(image)],
      'if': s.pushCondition,
      'runs-on': s.runsOn,
      'permissions': s.pushPermissions,
      'timeout-minutes': s.timeoutMinutes,
      'env': { TAG: s.tag },
      'steps': merge,
    },
  };
}

/** The platform's architecture as used in names: `linux/arm/v7` → `arm-v7`. */
function arch(platform: string): string {
  return architectureOf(platform);
}

/** The bake file's per-platform targets of `image`, tagged `<tag>-<arch>`, when it has them. */
function perArchTargets(image: LucidImage, s: ImageJobSettings): string[] {
  return s.perArchTags ? s.platforms.map(p => perArchTargetName(image, p)) : [];
}

/** `set` lines giving each per-platform target of `image` the gha cache scope of its platform. */
function perArchCache(image: LucidImage, s: ImageJobSettings): { set?: string } {
  if (!s.gha || !s.perArchTags) {
    return {};
  }
  const lines = s.platforms.flatMap(p => {
    const scope = `scope=${image._cacheName}-${arch(p)}`;
    return [`${perArchTargetName(image, p)}.cache-from=type=gha,${scope}`, `${perArchTargetName(image, p)}.cache-to=type=gha,${scope},mode=max`];
  });
  return { set: lines.join('\n') };
}

/**
 * A native platform job needs the build and the merge job of each image it is built FROM. The merge jobs run only
 * when pushing, and GitHub skips a job whose needed job was skipped unless its `if` says otherwise: so it runs
 * unless the run was cancelled, when every base built and every merge succeeded or was skipped by its condition (a
 * merge whose build failed is skipped too, but then that build's result is not success).
 */
function nativeNeeds(image: LucidImage): { needs?: string[]; if?: string } {
  const bases = [...new Set(image.baseImages)];
  if (bases.length === 0) {
    return {};
  }
  const conditions = bases.flatMap(b => [
    `needs.${buildJobId(b)}.result == 'success'`,
    `(needs.${mergeJobId(b)}.result == 'success' || needs.${mergeJobId(b)}.result == 'skipped')`,
  ]);
  return {
    needs: [...new Set(bases.flatMap(b => [buildJobId(b), mergeJobId(b)]))].sort(),
    if: ['!cancelled()', ...conditions].join(' && '),
  };
}

/**
 * `set` lines giving the image and every base image it builds through a `target:` context their own GitHub
 * Actions cache scopes (with the default, the bake file's functions scope the cache by image name alone).
 */
function cacheOverrides(image: LucidImage, s: ImageJobSettings, from: (i: LucidImage) => string[], to: (i: LucidImage) => string): { set?: string } {
  if (!s.gha) {
    return {};
  }
  const lines: string[] = [];
  for (const i of [image, ...baseChain(image)]) {
    lines.push(...from(i).map(f => `${i.targetName}.cache-from=type=gha,${f}`), `${i.targetName}.cache-to=type=gha,${to(i)},mode=max`);
  }
  return { set: lines.join('\n') };
}


/** A step that may not be needed, as a list of none or one. */
function optional(step: Step | undefined): Step[] {
  return step ? [step] : [];
}

function needs(ids: string[]): { needs?: string[] } {
  return ids.length > 0 ? { needs: [...new Set(ids)].sort() } : {};
}

function checkout(s: ImageJobSettings): Step {
  return { name: 'Check out', uses: s.pins.uses('actions/checkout'), with: { 'persist-credentials': false } };
}

/**
 * Exports `REGISTRY` (the namespace images are tagged in), `REPOSITORY` and `IMAGE` (the image's reference) to
 * the following steps, which bake and the scripts read.
 */
function resolveImage(image: LucidImage, s: ImageJobSettings): Step {
  const ownTag = image.tagWith('') !== '';
  const lines = s.namespace.fixed !== undefined
    ? [`registry=${shellQuote(s.namespace.fixed)}`]
    // Repository owners may have upper case letters; image references may not.
    : [`registry=${shellQuote(s.namespace.ownerOn!)}/"\${OWNER,,}"`];
  return {
    name: 'Resolve the image reference',
    ...(s.namespace.fixed === undefined ? { env: { OWNER: wrap('github.repository_owner') } } : {}),
    shell: 'bash',
    run: script([
      ...lines,
      `name=${shellQuote(image.imageName)}`,
      // An image with a tag of its own: its template, with `{tag}` as the run's TAG.
      ...(ownTag ? [`tag=${image.tagWith('\0').split('\0').map(part => part === '' ? '' : shellQuote(part)).join('"$TAG"') || '""'}`] : []),
      'echo "REGISTRY=$registry" >> "$GITHUB_ENV"',
      'echo "REPOSITORY=$registry/$name" >> "$GITHUB_ENV"',
      `echo "IMAGE=$registry/$name:${ownTag ? '$tag' : '$TAG'}" >> "$GITHUB_ENV"`,
    ]),
  };
}

function login(s: ImageJobSettings): Step {
  return {
    name: `Log in to ${s.loginRegistry ?? 'Docker Hub'}`,
    if: s.pushCondition,
    uses: s.pins.uses('docker/login-action'),
    with: {
      ...(s.loginRegistry ? { registry: s.loginRegistry } : {}),
      username: s.credentials.username,
      password: s.credentials.password,
    },
  };
}

/**
 * A bake of the image's target from the committed bake file; bake reads REGISTRY, TAG and CACHE from the env.
 * The build secrets of the image and of the images it is built on come with it (see build-secrets.ts).
 */
function bake(name: string, image: LucidImage, s: ImageJobSettings, inputs: { [k: string]: string | boolean }, env?: { [k: string]: string },
  targets: string[] = [image.targetName]): Step {
  const secrets = bakeSecretInputs([image, ...baseChain(image)], s.buildSecretNames);
  const set = [...(inputs.set ? [String(inputs.set)] : []), ...secrets.set].join('\n');
  const stepEnv = { ...env, ...secrets.env };
  return {
    name,
    uses: s.pins.uses('docker/bake-action'),
    // bake-action v7: a local `source` is the working directory; `files` and the contexts resolve from it.
    with: {
      source: s.source,
      files: s.bakeFile,
      targets: targets.join(','),
      ...inputs,
      ...(set ? { set } : {}),
      ...(secrets.allow ? { allow: secrets.allow } : {}),
    },
    ...(Object.keys(stepEnv).length > 0 ? { env: stepEnv } : {}),
  };
}

export type { ImageJobSettings } from './image-job-settings';
