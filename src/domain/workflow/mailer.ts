import nodemailer from 'nodemailer';

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
  const url = env.SMTP_URL?.trim();
  return {
    mailer: url ? nodemailer.createTransport(url) : undefined,
    from: env.MAIL_FROM?.trim() || 'mokuhyo@localhost',
  };
}
