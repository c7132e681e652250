import { config } from '../config';
import { loadSettings } from '../content/collections';
import { getDb } from '../db/client';
import { kickOutbox, mailSetup } from '../mail/worker';
import { logger } from '../ops/log';
import { queueDueReminders } from './reminders';

/**
 * Queues the installation reminders that have come due, at start and every
 * REMINDER_INTERVAL_MINUTES (default 10). Every instance may run it: the claim on each booking
 * (reminders.ts) lets one of them queue each reminder.
 */

let timer: NodeJS.Timeout | undefined;

export async function runReminders(): Promise<void> {
  try {
    const [db, settings, mail] = await Promise.all([getDb(), loadSettings(), mailSetup()]);
    const siteUrl = config().SITE_URL ?? import.meta.env.SITE ?? 'http://localhost:4321';
    const queued = await queueDueReminders(db, { settings, mail: { settings, installerEmail: mail.installerEmail }, siteUrl });
    if (queued > 0) void kickOutbox();
  } catch (error) {
    logger().error({ err: error }, 'installation reminders failed');
  }
}

export function startReminderWorker(): void {
  if (timer) return;
  void runReminders();
  timer = setInterval(() => void runReminders(), config().REMINDER_INTERVAL_MINUTES * 60 * 1000);
  // The timer alone must not keep the process alive.
  timer.unref();
}
