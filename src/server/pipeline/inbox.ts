import type { Database } from '../db/client';
import { assigneeEmail, type RequestSubject } from './store';

/**
 * Where news of a request for staff goes: the salesperson it is assigned to, or the installer's
 * inbox (INSTALLER_EMAIL, else the company address in settings) while nobody holds it.
 */
export async function staffInboxFor(db: Database, subject: RequestSubject, installerEmail: string): Promise<string> {
  return (await assigneeEmail(db, subject)) ?? installerEmail;
}
