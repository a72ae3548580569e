import { invalidComposeDuration } from '../core/errors';

/**
 * A length of time in a compose file (health check intervals, stop grace periods), kept in whole milliseconds
 * and rendered in compose's duration syntax: `30s`, `1m30s`, `1h`, `500ms`.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/11-extension.md#specifying-durations
 */
export class ComposeDuration {
  /** A duration of `amount` milliseconds. */
  public static millis(amount: number): ComposeDuration {
    return new ComposeDuration(amount);
  }

  /** A duration of `amount` seconds. */
  public static seconds(amount: number): ComposeDuration {
    return new ComposeDuration(amount * 1000);
  }

  /** A duration of `amount` minutes. */
  public static minutes(amount: number): ComposeDuration {
    return new ComposeDuration(amount * 60_000);
  }

  /** A duration of `amount` hours. */
  public static hours(amount: number): ComposeDuration {
    return new ComposeDuration(amount * 3_600_000);
  }

  /** The duration in milliseconds, as given (validated when the compose file is rendered). */
  public readonly milliseconds: number;

  private constructor(milliseconds: number) {
    this.milliseconds = milliseconds;
  }

  /**
   * The duration in compose syntax, largest unit first: `1h2m3s`, `1m30s`, `1s500ms`, `0s`.
   * Throws when the duration is negative or not a whole number of milliseconds.
   */
  public toComposeString(): string {
    const ms = this.milliseconds;
    if (!Number.isSafeInteger(ms) || ms < 0) {
      throw invalidComposeDuration(ms);
    }
    if (ms === 0) {
      return '0s';
    }
    const units: Array<[string, number]> = [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
    let rest = ms;
    let out = '';
    for (const [unit, size] of units) {
      const n = Math.floor(rest / size);
      if (n > 0) {
        out += `${n}${unit}`;
        rest -= n * size;
      }
    }
    return out;
  }
}
