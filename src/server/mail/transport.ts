import nodemailer, { type Transporter } from 'nodemailer';
import type { Settings } from '~/domain/settings/settings';
import type { Config } from '../config';

/**
 * Mail settings (src/server/config.ts):
 * - SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465; unset to
 *   log messages instead of sending them (development, or before a mail account exists).
 * - MAIL_FROM: the sender, default "<company name>" <company email>.
 * - INSTALLER_EMAIL: who is told about new requests, default the company email from the settings.
 */

export interface MailSetup {
  transport: Transporter | null;
  from: string;
  installerEmail: string;
  /** For log lines: where mail goes, without the password. */
  description: string;
}

/** SMTP options from a URL; timeouts are short because a slow server only delays the outbox, never a customer. */
export function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // Connections kept open: a burst of requests is many messages, and a new connection for each is slow.
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export function mailSetupFrom(settings: Settings, mail: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'INSTALLER_EMAIL'>): MailSetup {
  const options = mail.SMTP_URL ? smtpOptions(mail.SMTP_URL) : undefined;
  return {
    transport: options ? nodemailer.createTransport(options) : null,
    from: mail.MAIL_FROM || `"${settings.company.name.replace(/"/g, '')}" <${settings.company.email}>`,
    installerEmail: mail.INSTALLER_EMAIL || settings.company.email,
    description: options ? `smtp${options.secure ? 's' : ''}://${options.host}:${options.port}` : 'the server log (SMTP_URL is not set)',
  };
}
