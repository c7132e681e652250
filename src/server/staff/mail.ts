import type { Settings } from '~/domain/settings/settings';
import { renderHtml, renderText, type Block } from '../mail/templates';
import type { IssuedLink } from './links';
import type { StaffMail } from './store';

/** The two messages staff get: an invite with the set-password link, and a password reset link. */

function expiry(link: IssuedLink, settings: Settings): string {
  return new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone }).format(link.expiresAt);
}

function message(kind: string, to: string, subject: string, blocks: Block[]): StaffMail {
  return { kind, to, subject, text: renderText(blocks), html: renderHtml(blocks) };
}

export function inviteMail(to: { email: string; name: string }, link: IssuedLink, settings: Settings): StaffMail {
  return message('staff-invite', to.email, `Your ${settings.company.name} staff account`, [
    { p: `Hello ${to.name},` },
    { p: `An account for the ${settings.company.name} staff portal was made for you. Choose your password with this link; it works once, until ${expiry(link, settings)}.` },
    { link: { label: 'Choose your password', url: link.url } },
    { p: 'Not expecting this? Ignore this email: nothing happens until the link is used.' },
  ]);
}

export function resetMail(to: { email: string; name: string }, link: IssuedLink, settings: Settings): StaffMail {
  return message('staff-password-reset', to.email, `Reset your ${settings.company.name} staff password`, [
    { p: `Hello ${to.name},` },
    { p: `Someone asked to reset the password of your staff account. This link sets a new one and signs out every browser signed in as you; it works once, until ${expiry(link, settings)}.` },
    { link: { label: 'Choose a new password', url: link.url } },
    { p: 'Did not ask for this? Ignore this email: your password stays as it is.' },
  ]);
}
