import { useTestDatabase } from "@stockroom/db/testing";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import {
  createDatabaseMailSender,
  createMailSender,
  createSmtpMailSender,
  type OutgoingMail,
} from "./mailer.ts";

const t = useTestDatabase({ poolSize: 2 });

let counter = 0;
function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  counter += 1;
  return {
    dedupeKey: `test:${counter}`,
    to: "ada@example.test",
    subject: "Hello",
    text: "Hello Ada",
    html: "<p>Hello Ada</p>",
    orderId: null,
    ...overrides,
  };
}

/** nodemailer's JSON transport stands in for an SMTP server; `failNext` makes the next send throw. */
function recordingTransport() {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: { to: string; messageId: string }[] = [];
  let failNext = false;
  transport.use("compile", (message, done) => {
    if (failNext) {
      failNext = false;
      return done(new Error("421 service not available"));
    }
    sent.push({ to: String(message.data.to), messageId: String(message.data.messageId) });
    done();
  });
  return {
    transport,
    sent,
    failOnce() {
      failNext = true;
    },
  };
}

describe("development transport", () => {
  it("is used when SMTP_URL is unset, and stores each dedupe key once", async () => {
    const sender = createMailSender({ db: t.db, from: "Stockroom <orders@stockroom.dev>" });
    expect(sender.kind).toBe("database");
    const message = mail();

    expect(await sender.send(message)).toBe("sent");
    expect(await sender.send({ ...message, subject: "A second copy" })).toBe("duplicate");

    const stored = await t.db.emailMessage.findMany({ where: { dedupeKey: message.dedupeKey } });
    expect(stored).toEqual([
      expect.objectContaining({ to: "ada@example.test", subject: "Hello", text: "Hello Ada" }),
    ]);
  });

  it("stores one copy when two workers send the same message at once", async () => {
    const message = mail();
    const results = await Promise.all([1, 2, 3].map(() => createDatabaseMailSender(t.db).send(message)));
    expect(results.sort()).toEqual(["duplicate", "duplicate", "sent"]);
    expect(await t.db.emailMessage.count({ where: { dedupeKey: message.dedupeKey } })).toBe(1);
  });
});

describe("SMTP transport", () => {
  it("is used when SMTP_URL is set", () => {
    const sender = createMailSender({
      db: t.db,
      smtpUrl: "smtp://127.0.0.1:2525",
      from: "Shop <shop@example.com>",
    });
    expect(sender.kind).toBe("smtp");
    sender.close();
  });

  it("records the dedupe key after sending, so a retry does not send again", async () => {
    const { transport, sent } = recordingTransport();
    const sender = createSmtpMailSender(t.db, transport, "Shop <orders@shop.example>");
    const message = mail();

    expect(await sender.send(message)).toBe("sent");
    expect(await sender.send(message)).toBe("duplicate");

    expect(sent).toEqual([
      { to: "ada@example.test", messageId: expect.stringMatching(/^<[0-9a-f]{32}@shop\.example>$/) },
    ]);
    expect(await t.db.emailMessage.count({ where: { dedupeKey: message.dedupeKey } })).toBe(1);
  });

  it("records nothing when the server refuses, so the retried job sends it", async () => {
    const { transport, sent, failOnce } = recordingTransport();
    const sender = createSmtpMailSender(t.db, transport, "Shop <orders@shop.example>");
    const message = mail();

    failOnce();
    await expect(sender.send(message)).rejects.toThrow("421 service not available");
    expect(await t.db.emailMessage.count({ where: { dedupeKey: message.dedupeKey } })).toBe(0);

    expect(await sender.send(message)).toBe("sent");
    expect(sent).toHaveLength(1);
  });
});
