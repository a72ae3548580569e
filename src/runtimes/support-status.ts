/**
 * Where a distroless family stands in its upstream support window.
 *
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/SUPPORT_POLICY.md
 */
export enum SupportStatus {
  /** Built and updated by upstream. */
  SUPPORTED = 'supported',
  /** Past or near its end of life: still published, about to stop being built. */
  DEPRECATED = 'deprecated',
  /** No longer built; the images are gone. Synthesis refuses it (compliance rule LUCID-IMG7) unless suppressed with a reason. */
  REMOVED = 'removed',
}
