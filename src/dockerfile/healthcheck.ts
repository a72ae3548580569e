/**
 * A HEALTHCHECK in exec form. Durations are whole seconds.
 * @see https://docs.docker.com/reference/dockerfile/#healthcheck
 */
export interface HealthcheckOptions {
  /**
   * The probe, in exec form: `["/venv/bin/python3", "-c", "..."]`. Distroless images have no shell, so there is
   * no shell form.
   */
  readonly command: string[];
  /**
   * Seconds between probes.
   * @default - Docker's default (30)
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds before a probe counts as failed.
   * @default - Docker's default (30)
   */
  readonly timeoutSeconds?: number;
  /**
   * Seconds of start-up during which failures do not count.
   * @default - Docker's default (0)
   */
  readonly startPeriodSeconds?: number;
  /**
   * Seconds between probes during the start period (Docker Engine 25 and later).
   * @default - Docker's default (5)
   */
  readonly startIntervalSeconds?: number;
  /**
   * Consecutive failures before the container is unhealthy.
   * @default - Docker's default (3)
   */
  readonly retries?: number;
}
