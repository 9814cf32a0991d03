import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { DbClient } from "../db-client.ts";

/** One outbound message. `dedupeKey` names the event it is for, so a retried job never sends twice. */
export interface OutgoingMail {
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  orderId: string | null;
}

export type SendResult = "sent" | "duplicate";

export interface MailSender {
  /** "smtp" delivers through SMTP_URL; "database" only stores messages (development and tests). */
  readonly kind: "smtp" | "database";
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface MailSenderOptions {
  db: DbClient;
  /** smtp:// or smtps:// URL; without one, messages are stored in email_message instead of sent. */
  smtpUrl?: string | undefined;
  from: string;
}

/** SMTP when a URL is configured, otherwise the development transport that stores messages. */
export function createMailSender({ db, smtpUrl, from }: MailSenderOptions): MailSender {
  if (!smtpUrl) return createDatabaseMailSender(db);
  return createSmtpMailSender(db, nodemailer.createTransport(smtpUrl), from);
}

/**
 * Development transport: the message is stored in email_message, where the admin console and tests
 * read it. The unique dedupe key plus skipDuplicates makes a second delivery of the same event a no-op,
 * however many times a job is retried or however many workers race on it.
 */
export function createDatabaseMailSender(db: DbClient): MailSender {
  return {
    kind: "database",
    async send(mail) {
      return (await recordMail(db, mail)) ? "sent" : "duplicate";
    },
    close() {},
  };
}

/**
 * Real delivery through a nodemailer transport (SMTP in production). SMTP cannot take part in our
 * transaction, so the dedupe key is recorded in email_message only AFTER the server accepted the
 * message: a worker that dies between the two sends that message once more when the job is retried
 * (at least once, at most one extra copy per crash; recording first could lose the message instead).
 * The Message-ID is derived from the dedupe key, so such a resend carries the first copy's Message-ID.
 */
export function createSmtpMailSender(
  db: DbClient,
  transport: Transporter<unknown>,
  from: string,
): MailSender {
  return {
    kind: "smtp",
    async send(mail) {
      const already = await db.emailMessage.findUnique({
        where: { dedupeKey: mail.dedupeKey },
        select: { id: true },
      });
      if (already) return "duplicate";
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(mail.dedupeKey, from),
      });
      await recordMail(db, mail);
      return "sent";
    },
    close() {
      transport.close();
    },
  };
}

/** Inserts the message unless its dedupe key exists; true when this call stored it. */
async function recordMail(db: DbClient, mail: OutgoingMail): Promise<boolean> {
  const { count } = await db.emailMessage.createMany({ data: [mail], skipDuplicates: true });
  return count === 1;
}

function messageIdFor(dedupeKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "stockroom.invalid";
  const digest = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  return `<${digest}@${domain}>`;
}
