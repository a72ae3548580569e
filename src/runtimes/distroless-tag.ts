/**
 * The tags every distroless repository publishes. Per-architecture tags (`latest-amd64`, …) exist too
 * but are not modelled: Lucid builds multi-platform images from the image index.
 *
 * @see https://github.com/GoogleContainerTools/distroless#debug-images
 */
export enum DistrolessTag {
  /** Runs as root (uid 0), working directory `/`. */
  LATEST = 'latest',
  /** Runs as `nonroot` (uid 65532), working directory `/home/nonroot`. Lucid's default. */
  NONROOT = 'nonroot',
  /** `latest` plus a busybox shell at `/busybox/sh`, which is also the entrypoint. For debugging only. */
  DEBUG = 'debug',
  /** `nonroot` plus a busybox shell at `/busybox/sh`. For debugging only. */
  DEBUG_NONROOT = 'debug-nonroot',
}
