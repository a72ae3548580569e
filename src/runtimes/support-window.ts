import { SupportStatus } from './support-status';

/**
 * The support window of a distroless family, as upstream states it.
 *
 * @see https://github.com/GoogleContainerTools/distroless/blob/main/SUPPORT_POLICY.md
 */
export interface SupportWindow {
  /**
   * Where the family stands today, as far as the catalogue knows.
   */
  readonly status: SupportStatus;

  /**
   * End of life as an ISO date (`YYYY-MM-DD`). Where upstream names only a month, the first day of that
   * month (the conservative reading).
   *
   * @default - no end of life announced
   */
  readonly endOfLife?: string;

  /**
   * ISO date (`YYYY-MM-DD`) on which upstream removed the family's builds.
   *
   * @default - not removed
   */
  readonly removedOn?: string;

  /**
   * Name of the catalogue family to move to (always one that exists in the catalogue).
   *
   * @default - none needed
   */
  readonly replacement?: string;

  /**
   * Where the dates and status come from.
   */
  readonly source: string;
}
