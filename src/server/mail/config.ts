import nodemailer, { type Transporter } from 'nodemailer';
import type { Settings } from '../../domain/settings/settings';

/**
 * Mail settings come from the environment at run time:
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
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//`);
  }
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export function mailSetupFromEnv(settings: Settings, env: NodeJS.ProcessEnv = process.env): MailSetup {
  const url = env.SMTP_URL?.trim();
  const options = url ? smtpOptions(url) : undefined;
  return {
    transport: options ? nodemailer.createTransport(options) : null,
    from: env.MAIL_FROM?.trim() || `"${settings.company.name.replace(/"/g, '')}" <${settings.company.email}>`,
    installerEmail: env.INSTALLER_EMAIL?.trim() || settings.company.email,
    description: options ? `smtp${options.secure ? 's' : ''}://${options.host}:${options.port}` : 'the server log (SMTP_URL is not set)',
  };
}
