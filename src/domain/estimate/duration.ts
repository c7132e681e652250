import type { Settings } from '../settings/settings';

/**
 * The crew plan: one plan per site drives its duration, its travel line and the words about both, so
 * the technician-days travel is billed for are always the crew times the working days shown. Each
 * end of the range (low, high) gets its own plan from its own hours.
 */
export interface Duration {
  /** Person-hours on site (installation, programming included, plus services such as the handover), at each end. */
  hours: { low: number; high: number };
  /** Technicians in the crew, at each end. */
  technicians: { low: number; high: number };
  /** Working days the crew is on site, at each end. */
  days: { low: number; high: number };
}

/** Whole minutes on site: the low end, the expected time and the high end. */
export interface OnSiteMinutes {
  low: number;
  expected: number;
  high: number;
}

/**
 * The crew for some hours of work: the fewest days the settings' crew size for those hours can do
 * it in, then no more technicians than it takes to finish in those days (25 hours for a crew of up
 * to 3 is 2 technicians for 2 days, not 3 with one of them idle). Because every crew size starts at
 * a multiple of a full day of the crew before it (checked in the settings), more work never books
 * fewer technician-days.
 */
export function crewPlan(hours: number, settings: Settings): { technicians: number; days: number } {
  if (hours <= 0) return { technicians: settings.crew.sizes[0]!.technicians, days: 0 };
  const { sizes, hoursPerDay } = settings.crew;
  let largest = sizes[0]!.technicians;
  for (const row of sizes) if (hours >= row.fromHours) largest = row.technicians;
  const days = Math.ceil(hours / (largest * hoursPerDay) - 1e-9);
  return { technicians: Math.ceil(hours / (days * hoursPerDay) - 1e-9), days };
}

export function siteDuration(minutes: OnSiteMinutes, settings: Settings): Duration {
  const low = crewPlan(minutes.low / 60, settings);
  const high = crewPlan(minutes.high / 60, settings);
  return {
    hours: { low: minutes.low / 60, high: minutes.high / 60 },
    technicians: { low: low.technicians, high: high.technicians },
    days: { low: low.days, high: high.days },
  };
}

/** Technician-days the crew plan books at each end: what travel is charged for. */
export function technicianDays(duration: Duration): { low: number; high: number } {
  return { low: duration.technicians.low * duration.days.low, high: duration.technicians.high * duration.days.high };
}

/** Sites are installed one after another, so days add up; the crew is the largest any site needs. */
export function combineDurations(durations: Duration[]): Duration {
  return durations.reduce(
    (sum, d) => ({
      hours: { low: sum.hours.low + d.hours.low, high: sum.hours.high + d.hours.high },
      technicians: { low: Math.max(sum.technicians.low, d.technicians.low), high: Math.max(sum.technicians.high, d.technicians.high) },
      days: { low: sum.days.low + d.days.low, high: sum.days.high + d.days.high },
    }),
    { hours: { low: 0, high: 0 }, technicians: { low: 0, high: 0 }, days: { low: 0, high: 0 } },
  );
}
