import type { Settings } from '~/domain/settings/settings';
import type { Database } from '../db/client';
import { deleteExpired, type RetentionCutoffs, type RetentionReport } from './store';

/**
 * Keeps the privacy notice's promise (src/pages/privacy.astro): requests, their quotes and contact
 * details, and short share links are deleted `requestRetentionMonths` calendar months after they
 * were made; copies of mail `mailRetentionDays` days after they were sent; mail given up on (a dead
 * letter) `deadLetterRetentionDays` days after its last try. The
 * periods are the settings the notice prints, so the words and the deleting cannot disagree.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment before which rows are past their period, for a purge run at `now`. */
export function retentionCutoffs(privacy: Settings['privacy'], now: Date): RetentionCutoffs {
  const requestsBefore = new Date(now);
  requestsBefore.setUTCMonth(requestsBefore.getUTCMonth() - privacy.requestRetentionMonths);
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return { requestsBefore, mailBefore: daysBefore(privacy.mailRetentionDays), deadLettersBefore: daysBefore(privacy.deadLetterRetentionDays) };
}

/** Deletes what is past its period; null when another instance is purging at the same moment. */
export function purgeExpired(db: Database, privacy: Settings['privacy'], now = new Date()): Promise<RetentionReport | null> {
  return deleteExpired(db, retentionCutoffs(privacy, now));
}

export function describeReport(report: RetentionReport | null): string {
  if (!report) return 'another instance is purging; nothing done here';
  return `deleted ${report.requests} requests, ${report.quotes} quotes, ${report.messages} mail copies and ${report.shortLinks} short links past their retention period`;
}
