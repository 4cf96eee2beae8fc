import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server (smtp-server) on a free port, keeping every mail it receives. */
export interface SmtpInbox {
  url: string;
  mails: ReceivedMail[];
  /** The first mail to `address` received after the `since`-th one, waited for up to 2 s. */
  mailFor(address: string, since: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async mailFor(address, since) {
      for (let i = 0; i < 200; i++) {
        const mail = mails.slice(since).find((m) => m.to.includes(address));
        if (mail) return mail;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`No mail for ${address}`);
    },
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

/** The mail's text, quoted-printable decoded (nodemailer encodes accented text that way). */
export function bodyOf(mail: ReceivedMail): string {
  const qp = mail.raw.split(/\r?\n\r?\n/).slice(1).join("\n\n").replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    const hex = qp[i] === "=" ? /^[0-9A-F]{2}/.exec(qp.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(qp[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
