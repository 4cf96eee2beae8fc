import nodemailer from "nodemailer";
import type { Logger } from "../log";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Files attached (documents' PDFs). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  /** False when no SMTP server is configured: nothing can be sent. */
  readonly enabled: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = "Recording Studio Manager <no-reply@localhost>";

/** Mail through the SMTP server of SMTP_URL (smtp:// or smtps://, credentials in the URL), or none. */
export function createMailer(smtpUrl: string | undefined, from: string, log: Logger): Mailer {
  if (!smtpUrl) {
    log({ level: "info", msg: "mail is off: set SMTP_URL to send password reset mails" });
    return {
      enabled: false,
      send: () => Promise.reject(new Error("Mail is off (no SMTP_URL)")),
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
    },
    close: () => transport.close(),
  };
}
