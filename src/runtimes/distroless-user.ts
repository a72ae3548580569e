import { DistrolessTag } from './distroless-tag';

/**
 * Users and working directories shared by every distroless family.
 *
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/common/variables.bzl
 */
export class DistrolessUser {
  /** uid of `root`, the user of the `latest` and `debug` tags. */
  // source: GoogleContainerTools/distroless common/variables.bzl (ROOT = 0)
  public static readonly ROOT_UID = 0;

  /** uid of `nonroot`, the user of the `nonroot` and `debug-nonroot` tags (set numerically as `USER 65532`). */
  // source: GoogleContainerTools/distroless common/variables.bzl (NONROOT = 65532)
  public static readonly NONROOT_UID = 65532;

  /** gid of the `nonroot` group. */
  // source: GoogleContainerTools/distroless common/variables.bzl (NONROOT = 65532, used for the group too)
  public static readonly NONROOT_GID = 65532;

  /** Home and working directory of `nonroot`. */
  // source: GoogleContainerTools/distroless static/static.bzl (USER_VARIANTS: nonroot -> /home/nonroot)
  public static readonly NONROOT_HOME = '/home/nonroot';

  /** uid of `nobody`. */
  // source: GoogleContainerTools/distroless common/variables.bzl (NOBODY = 65534)
  public static readonly NOBODY_UID = 65534;

  /**
   * The uid an image of the given tag runs as.
   *
   * @param tag the distroless tag
   */
  public static uidFor(tag: DistrolessTag): number {
    return isNonroot(tag) ? DistrolessUser.NONROOT_UID : DistrolessUser.ROOT_UID;
  }

  /**
   * The working directory an image of the given tag starts in.
   *
   * @param tag the distroless tag
   */
  // source: GoogleContainerTools/distroless static/static.bzl (USER_VARIANTS: root -> /, nonroot -> /home/nonroot)
  public static workdirFor(tag: DistrolessTag): string {
    return isNonroot(tag) ? DistrolessUser.NONROOT_HOME : '/';
  }

  private constructor() {}
}

function isNonroot(tag: DistrolessTag): boolean {
  return tag === DistrolessTag.NONROOT || tag === DistrolessTag.DEBUG_NONROOT;
}
