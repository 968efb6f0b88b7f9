/*
 * Timestamp columns come back as Date from PostgreSQL and as epoch
 * milliseconds from SQLite; the store speaks Date and ISO strings only.
 */

export function toDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

export function toIsoString(value: unknown): string | undefined {
  return toDate(value)?.toISOString();
}

/** The UTC day of a time, `YYYY-MM-DD`: the key of the score history. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}
