import type { ActionPins } from './action-pins';
import type { Permissions } from './workflow-model';

/** Everything the job builders need, resolved from the options and the app. */
export interface ImageJobSettings {
  /** The action pins. */
  readonly pins: ActionPins;
  /** The condition under which images are pushed: one expression, used everywhere. */
  readonly pushCondition: string;
  /** The app's folder relative to the repository root: bake's `source`. */
  readonly source: string;
  /** The bake file, relative to `source`. */
  readonly bakeFile: string;
  /** A path inside the app's folder, relative to the repository root. */
  readonly filePath: (relative: string) => string;
  /** Whether the bake file tags each platform's image `<tag>-<arch>` too, tags the workflow then pushes. */
  readonly perArchTags: boolean;
  /** The platforms every image is built for. */
  readonly platforms: string[];
  /** The runner of single-runner jobs. */
  readonly runsOn: string;
  /** The native runner of each platform. */
  readonly nativeRunners: { [platform: string]: string };
  /** Minutes after which a job is cancelled. */
  readonly timeoutMinutes: number;
  /** The `CACHE` bake variable (possibly an expression). */
  readonly cache: string;
  /** Whether the cache is the GitHub Actions cache, whose scopes the jobs keep apart per platform. */
  readonly gha: boolean;
  /** The `TAG` bake variable (an expression). */
  readonly tag: string;
  /** How the registry namespace (`REGISTRY`) is found: fixed, or from the repository owner at run time. */
  readonly namespace: { readonly fixed?: string; readonly ownerOn?: string };
  /** The registry to log in to (`undefined` for Docker Hub). */
  readonly loginRegistry?: string;
  /** The login's username and password (expressions). */
  readonly credentials: { readonly username: string; readonly password: string };
  /** Permissions of a job that may push. */
  readonly pushPermissions: Permissions;
  /** Whether to scan with Trivy, and at which severities. */
  readonly trivy?: string;
  /** Whether pushed images carry SBOM and provenance attestations. */
  readonly attest: boolean;
  /** The GitHub secret of each build secret id that does not use its default name. */
  readonly buildSecretNames: { [id: string]: string };
}
