import type { ViewAgent } from '../db/schema';
import botList from './bot-user-agents.json';

/** How a view reads the User-Agent header: whether a person's browser sent it, and its family alone. */

const botPatterns = botList.patterns.map((pattern) => pattern.toLowerCase());

/** True for crawlers, link previews, mail scanners and headless browsers, and for a request without a User-Agent. */
export function isBot(userAgent: string | null): boolean {
  const agent = (userAgent ?? '').trim().toLowerCase();
  if (!agent) return true;
  return botPatterns.some((pattern) => agent.includes(pattern));
}

/** The browser family, in the order that tells them apart (Edge says Chrome, Chrome says Safari). */
export function agentFamily(userAgent: string | null): ViewAgent {
  const agent = userAgent ?? '';
  if (/\bEdg(e|A|iOS)?\//.test(agent)) return 'edge';
  if (/\b(Firefox|FxiOS)\//.test(agent)) return 'firefox';
  if (/\b(Chrome|CriOS|Chromium)\//.test(agent)) return 'chrome';
  if (/\bSafari\//.test(agent) && /\bVersion\//.test(agent)) return 'safari';
  return 'other';
}

/** Staff sessions are not customer views: the staff cookie (`__Host-staff` on https, `staff` on http) marks them. */
export function hasStaffCookie(cookieHeader: string | null): boolean {
  return (cookieHeader ?? '').split(';').some((part) => {
    const name = part.split('=')[0]!.trim();
    return name === '__Host-staff' || name === 'staff';
  });
}
