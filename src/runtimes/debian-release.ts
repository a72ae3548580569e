/**
 * The Debian release a distroless family is built from (the `-debianNN` suffix of its repository).
 *
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/distro.bzl
 */
export enum DebianRelease {
  /** Debian 12 "bookworm": legacy; its language images have been removed upstream. */
  DEBIAN12 = 'debian12',
  /** Debian 13 "trixie": current, and what the untagged names point at. */
  DEBIAN13 = 'debian13',
}
