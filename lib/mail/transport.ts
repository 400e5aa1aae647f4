import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import type { ComposedMessage } from "./mime";
import { writeOutboxMessage } from "./outbox";

// The one way mail leaves the app. With SMTP_URL: one pooled nodemailer transporter per
// process (connections are reused across messages and jobs). Without: every message is
// written to DATA_DIR/outbox as an .eml file, which /outbox lists; that is the embedded
// default, so `npm start` shows the whole flow with no mail server.
//
// send() resolves when the server accepted the message (250 after DATA) and rejects with
// nodemailer's error otherwise; lib/mail/send-errors.ts says what each error means.

export interface MailTransport {
  kind: "smtp" | "outbox";
  send(message: ComposedMessage): Promise<void>;
  close(): void;
}

const GLOBAL_KEY = Symbol.for("paperpulse.mailTransport");
type GlobalWithTransport = typeof globalThis & { [GLOBAL_KEY]?: MailTransport };

export function getMailTransport(): MailTransport {
  const store = globalThis as GlobalWithTransport;
  store[GLOBAL_KEY] ??= createMailTransport();
  return store[GLOBAL_KEY];
}

export function closeMailTransport(): void {
  const store = globalThis as GlobalWithTransport;
  store[GLOBAL_KEY]?.close();
  delete store[GLOBAL_KEY];
}

function createMailTransport(): MailTransport {
  const env = getEnv();
  if (!env.SMTP_URL) {
    return { kind: "outbox", send: (message) => writeOutboxMessage(message), close: () => undefined };
  }
  const transporter = nodemailer.createTransport({
    pool: true,
    url: env.SMTP_URL,
    maxConnections: env.SMTP_POOL_SIZE,
    // A connection is reused for any number of messages; the server closes idle ones.
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    // A server that stops answering mid-message must not hold a delivery for 10 minutes.
    socketTimeout: 60_000,
  });
  transporter.on("error", (error: unknown) => log.error({ err: describeError(error) }, "SMTP pool error"));
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({ envelope: message.envelope, raw: message.raw });
    },
    close: () => transporter.close(),
  };
}
