/**
 * Wall-clock times in the installer's time zone and the instants they name, with Intl only (no time
 * zone database of our own): the crew arrives at 08:00 local time whatever the server's zone.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Minutes the zone is ahead of UTC at an instant (−480 for California in winter). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(wallClock(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time (date YYYY-MM-DD, time HH:MM) in a zone. A time skipped by a
 * spring-forward change resolves to the same wall time after the change, as calendars do.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  return asUtc - offsetMinutes(first, timeZone) * 60_000;
}

/** The moments in [from, to) at which the zone's offset changes, each with the offsets either side. */
export function offsetChanges(from: number, to: number, timeZone: string): { at: number; before: number; after: number }[] {
  const hour = 3_600_000;
  const changes: { at: number; before: number; after: number }[] = [];
  for (let t = from; t < to; t += 24 * hour) {
    const next = Math.min(t + 24 * hour, to);
    const before = offsetMinutes(t, timeZone);
    const after = offsetMinutes(next, timeZone);
    if (before === after) continue;
    let low = t;
    let high = next;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high, before, after });
  }
  return changes;
}
