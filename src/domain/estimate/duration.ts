import type { Settings } from '../settings/settings';

/** How long a site takes: person-hours, crew and working days, central and high. */
export interface Duration {
  /** Person-hours on site (installation plus services such as programming and handover). */
  hours: { central: number; high: number };
  technicians: number;
  /** Working days the crew is on site. */
  days: { central: number; high: number };
}

export function crewSize(hours: number, settings: Settings): number {
  let technicians = settings.crew.sizes[0]!.technicians;
  for (const row of settings.crew.sizes) if (hours >= row.fromHours) technicians = row.technicians;
  return technicians;
}

/** Technician-days for whole minutes of work: a part day counts as a day (one trip). */
export function technicianDays(minutes: number, settings: Settings): number {
  return Math.ceil(minutes / (settings.crew.hoursPerDay * 60));
}

/** Minutes are whole numbers; the crew is sized on the central figure and kept for the high one. */
export function siteDuration(minutes: { central: number; high: number }, settings: Settings): Duration {
  const hours = { central: minutes.central / 60, high: minutes.high / 60 };
  const technicians = crewSize(hours.central, settings);
  const days = (m: number) => Math.ceil(m / (technicians * settings.crew.hoursPerDay * 60));
  return { hours, technicians, days: { central: days(minutes.central), high: days(minutes.high) } };
}

/** Sites are installed one after another, so days add up; the crew is the largest any site needs. */
export function combineDurations(durations: Duration[]): Duration {
  return durations.reduce(
    (sum, d) => ({
      hours: { central: sum.hours.central + d.hours.central, high: sum.hours.high + d.hours.high },
      technicians: Math.max(sum.technicians, d.technicians),
      days: { central: sum.days.central + d.days.central, high: sum.days.high + d.days.high },
    }),
    { hours: { central: 0, high: 0 }, technicians: 0, days: { central: 0, high: 0 } },
  );
}
