import { invalidIsoDate } from '../core/errors';

/** Returns the value if it is a real calendar date written as YYYY-MM-DD; throws otherwise. Internal. */
export function checkIsoDate(what: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    throw invalidIsoDate(what, value);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalidIsoDate(what, value);
  }
  return value;
}
