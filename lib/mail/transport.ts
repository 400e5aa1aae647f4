import { Readable } from "node:stream";
import type MailMessage from "nodemailer/lib/mailer/mail-message";
import type MimeNode from "nodemailer/lib/mime-node";
import SMTPPool, { type SMTPPoolSentMessageInfo } from "nodemailer/lib/smtp-pool";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import type { ComposedMessage } from "./mime";
import { writeOutboxMessage } from "./outbox";

// The one way mail leaves the app. With SMTP_URL: one nodemailer SMTP pool per process
// (connections are reused across messages and jobs). Without: every message is written to
// DATA_DIR/outbox as an .eml file, which /outbox lists; that is the embedded default, so
// `npm start` shows the whole flow with no mail server.
//
// The pool is nodemailer's own SMTPPool (what createTransport({ pool: true }) wraps), given
// our finished raw messages directly: the Mailer in front of it would compile a MIME tree
// around each raw message on every send, which cost about 0.15 ms of CPU per message, a
// measurable share of the digest's budget (docs/digest.md, "Throughput"). Connection
// handling (reconnects, requeueing a message whose idle connection had been closed, RSET
// after a refusal, dropping a connection after 421) is all nodemailer's.
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
  const pool = new SMTPPool({
    url: env.SMTP_URL,
    maxConnections: env.SMTP_POOL_SIZE,
    // A connection is reused for any number of messages; the server closes idle ones.
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    // A server that stops answering mid-message must not hold a delivery for 10 minutes.
    socketTimeout: 60_000,
  });
  pool.on("error", (error: unknown) => log.error({ err: describeError(error) }, "SMTP pool error"));
  return {
    kind: "smtp",
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        pool.send(poolMessage(message), (error) => (error ? reject(error) : resolve()));
      }),
    close: () => pool.close(),
  };
}

/**
 * The part of nodemailer's MailMessage that its SMTP pool reads: the envelope (a fresh
 * object per attempt, the connection writes its results onto it), the Message-ID for its
 * logs, and the message as a stream (a new one per attempt, so a message requeued after a
 * dropped connection is sent whole).
 */
interface PoolMessage {
  data: Pick<MailMessage["data"], "dsn" | "signal">;
  message: Pick<MimeNode, "getEnvelope" | "messageId" | "getHeader" | "createReadStream">;
}

function poolMessage(message: ComposedMessage): MailMessage<SMTPPoolSentMessageInfo> {
  const pooled: PoolMessage = {
    data: {},
    message: {
      getEnvelope: () => ({ from: message.envelope.from, to: [...message.envelope.to] }),
      messageId: () => message.messageId,
      getHeader: (key) => (key.toLowerCase() === "message-id" ? message.messageId : undefined),
      createReadStream: () => Readable.from([message.raw], { objectMode: false }),
    },
  };
  // The pool is typed for the Mailer's full message object, of which it reads only the
  // fields above.
  return pooled as unknown as MailMessage<SMTPPoolSentMessageInfo>;
}
