import { ComposeDuration } from '../../src/compose';

describe('ComposeDuration', () => {
  test('renders whole units in compose syntax, largest unit first', () => {
    // GIVEN / WHEN / THEN
    expect(ComposeDuration.seconds(30).toComposeString()).toBe('30s');
    expect(ComposeDuration.seconds(90).toComposeString()).toBe('1m30s');
    expect(ComposeDuration.minutes(2).toComposeString()).toBe('2m');
    expect(ComposeDuration.hours(1).toComposeString()).toBe('1h');
    expect(ComposeDuration.millis(3_723_004).toComposeString()).toBe('1h2m3s4ms');
  });

  test('renders sub-second durations with milliseconds', () => {
    expect(ComposeDuration.millis(500).toComposeString()).toBe('500ms');
    expect(ComposeDuration.millis(1500).toComposeString()).toBe('1s500ms');
    expect(ComposeDuration.seconds(0.25).toComposeString()).toBe('250ms');
  });

  test('renders zero as 0s', () => {
    expect(ComposeDuration.seconds(0).toComposeString()).toBe('0s');
  });

  test('refuses negative and fractional milliseconds', () => {
    expect(() => ComposeDuration.seconds(-1).toComposeString()).toThrow(/non-negative/);
    expect(() => ComposeDuration.millis(0.5).toComposeString()).toThrow(/whole/);
  });

  test('keeps the milliseconds it was given', () => {
    expect(ComposeDuration.minutes(1.5).milliseconds).toBe(90_000);
  });
});
