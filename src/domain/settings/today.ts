import { dayInTimeZone } from '../estimate/dates';
import type { Settings } from './settings';

/** The installer's calendar day at `now` (settings.timeZone): the same answer on every server whatever its own zone. */
export function installerToday(settings: Settings, now = new Date()): string {
  return dayInTimeZone(now, settings.timeZone);
}
