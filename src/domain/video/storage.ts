import type { Guidelines } from '../guidelines/guidelines';

/** How video is kept: days of retention and whether it records around the clock or on motion. */
export interface RecordingPlan {
  retentionDays: number;
  mode: 'continuous' | 'motion';
}

/**
 * Disk a recorder needs, in TB: Mbps × GB-per-day-per-Mbps × days × recording share, then the
 * headroom on top, divided by the usable share of a drive's nominal size.
 */
export function storageNeededTb(totalMbps: number, plan: RecordingPlan, guidelines: Guidelines): number {
  const { gbPerDayPerMbps, motionRecordingPercent, headroomPercent, usableDiskPercent } = guidelines.video;
  const share = plan.mode === 'continuous' ? 1 : motionRecordingPercent / 100;
  const gb = totalMbps * gbPerDayPerMbps * plan.retentionDays * share;
  return (gb * (1 + headroomPercent / 100)) / (usableDiskPercent / 100) / 1000;
}
