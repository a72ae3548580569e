/** The build cache the image jobs use (the bake file's `CACHE` variable). */
export enum WorkflowCache {
  /** The GitHub Actions cache, one scope per image (`type=gha`). */
  GHA = 'gha',
  /** A `buildcache` tag next to each image in the registry; written only by runs that push. */
  REGISTRY = 'registry',
  /** No cache. */
  NONE = 'none',
}

/**
 * Options of an app's images workflow.
 */
export interface ImagesWorkflowOptions {
  /**
   * The workflow's name and file name: `.github/workflows/<name>.yml` in the app's folder.
   * @default 'images'
   */
  readonly name?: string;

  /**
   * The branch whose pushes publish images (as do tags `v*`). Pull requests never publish.
   * @default 'main'
   */
  readonly defaultBranch?: string;

  /**
   * The registry images are pushed to and logged in to, as a host name (`docker.io` for Docker Hub).
   * @default 'ghcr.io'
   */
  readonly registry?: string;

  /**
   * The namespace images are tagged in when built by the workflow (the bake file's `REGISTRY` variable),
   * e.g. `ghcr.io/lucid`.
   * @default - the app's registry when it names `registry` (or, for `docker.io`, is a Docker Hub namespace);
   * for `ghcr.io`, `ghcr.io/<repository owner in lower case>`; otherwise `<registry>/<app's registry>`
   */
  readonly imageNamespace?: string;

  /**
   * The repository secret holding the registry user name.
   * @default - `github.actor` for `ghcr.io`, otherwise `REGISTRY_USERNAME`
   */
  readonly registryUsernameSecret?: string;

  /**
   * The repository secret holding the registry password or token.
   * @default - `GITHUB_TOKEN` for `ghcr.io`, otherwise `REGISTRY_PASSWORD`
   */
  readonly registryPasswordSecret?: string;

  /**
   * The build cache.
   * @default WorkflowCache.GHA
   */
  readonly cache?: WorkflowCache;

  /**
   * Minutes after which any job of the workflow is cancelled.
   * @default 60
   */
  readonly timeoutMinutes?: number;

  /**
   * The runner of the jobs that do not fan out per platform.
   * @default 'ubuntu-24.04'
   */
  readonly runsOn?: string;

  /**
   * Build each platform on its own native runner (no emulation), push each by digest, then merge the digests
   * into one multi-platform manifest list.
   * @default false
   */
  readonly nativeMultiArch?: boolean;

  /**
   * The runner of each platform for `nativeMultiArch`.
   * @default { 'linux/amd64': 'ubuntu-24.04', 'linux/arm64': 'ubuntu-24.04-arm' }
   */
  readonly nativeRunners?: { [platform: string]: string };

  /**
   * Scan every image with Trivy before pushing it, failing on findings of `trivySeverity`.
   * @default true
   */
  readonly trivy?: boolean;

  /**
   * The severities that fail the Trivy scan, comma-separated (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL).
   * @default 'CRITICAL,HIGH'
   */
  readonly trivySeverity?: string;

  /**
   * Attach SBOM and provenance attestations to pushed images (the bake file's `ATTEST` variable).
   * @default true
   */
  readonly attest?: boolean;

  /**
   * Add the `lint` job, which fails when `npx projen` changes any committed file.
   * @default true
   */
  readonly lint?: boolean;

  /**
   * Install dependencies in the lint job with `npm ci` (from the lock file) rather than `npm install`, which may
   * rewrite the lock file and so fail the check for reasons of its own.
   * @default true
   */
  readonly npmCi?: boolean;

  /**
   * The Node.js version of the lint job.
   * @default '24'
   */
  readonly nodeVersion?: string;

  /**
   * The GitHub secret each build secret is read from, by build secret id, for the ids whose default does not fit:
   * `{ 'pip-conf': 'PRIVATE_PIP_CONF' }`. Names use letters, digits and `_`, do not start with a digit or `GITHUB_`.
   *
   * Every bake step of an image with build secrets (its own, or those of the app's images it is built on) gets
   * them: an ENVIRONMENT secret through the step's `env:` (`<from>: ${{ secrets.<name> }}`); a FILE secret as a
   * file that a step before the first bake writes from the GitHub secret to `$RUNNER_TEMP/lucid-secrets/<id>`
   * (mode 0600, removed at the end of the job), to which the bake step points the secret with
   * `set: <target>.secrets+=id=<id>,src=<file>`, granting bake `fs.read` on that folder.
   *
   * @default - an ENVIRONMENT secret is read from the GitHub secret named like its variable (`location`); a FILE
   * secret from its id upper-cased, with each character other than a letter or digit as `_` (`pip-conf` →
   * `PIP_CONF`)
   */
  readonly buildSecretNames?: { [secretId: string]: string };

  /**
   * Replacement pins of the workflow's actions: `owner/repo` → `<40-hex commit sha> # vX.Y.Z`.
   * @default - the pins of lucid-cdk's catalogue
   */
  readonly actionPins?: { [action: string]: string };
}
