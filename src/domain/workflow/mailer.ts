import nodemailer from 'nodemailer';
import { loadMailConfig } from '../../config.ts';

/** The one thing reminders need from a mail transport (a nodemailer Transporter fits). */
export interface Mailer {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface MailSettings {
  mailer: Mailer | undefined;
  from: string;
}

/**
 * SMTP_URL (smtp://user:pass@host:587, smtps://…) turns e-mail on; unset, reminders go to the inbox
 * only and no connection is ever attempted. MAIL_FROM names the sender.
 */
export function mailSettingsFrom(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const config = loadMailConfig(env);
  return {
    mailer: config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined,
    from: config.from,
  };
}
