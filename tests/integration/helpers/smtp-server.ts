import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

// A real SMTP server on loopback for tests: it parses every accepted message with mailparser
// and records it by Message-ID. Hooks let a test answer 4xx/5xx for chosen recipients or
// messages, or slow the server down.

export interface ReceivedMessage {
  messageId: string;
  to: string;
  parsed: ParsedMail;
  raw: Buffer;
}

export interface SmtpReply {
  code: number;
  message: string;
}

export interface TestSmtpOptions {
  /** Answer RCPT TO for an address (null = accept). */
  onRecipient?: (address: string) => SmtpReply | null;
  /** Answer the end of DATA for a parsed message (null = accept). */
  onMessage?: (message: ReceivedMessage, attempt: number) => SmtpReply | null;
  /** Wait this long before answering each message. */
  delayMs?: number;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  /** Accepted messages, in order. */
  messages: ReceivedMessage[];
  /** How many times each Message-ID reached DATA (accepted or not). */
  attempts: Map<string, number>;
  /** Connection errors (a client killed mid-session resets its connection). */
  connectionErrors: Error[];
  byRecipient(address: string): ReceivedMessage[];
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function replyError(reply: SmtpReply): Error & { responseCode: number } {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 100,
    onRcptTo(address, _session: SMTPServerSession, callback) {
      const reply = options.onRecipient?.(address.address);
      callback(reply ? replyError(reply) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          async (parsed) => {
            const message: ReceivedMessage = { messageId: parsed.messageId ?? "", to: session.envelope.rcptTo[0]?.address ?? "", parsed, raw };
            const attempt = (attempts.get(message.messageId) ?? 0) + 1;
            attempts.set(message.messageId, attempt);
            if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
            const reply = options.onMessage?.(message, attempt);
            if (reply) return callback(replyError(reply));
            messages.push(message);
            callback();
          },
          (error: unknown) => callback(error as Error),
        );
      });
    },
  });
  // A client that dies mid-session resets the connection; a real server logs it and goes on.
  const connectionErrors: Error[] = [];
  server.on("error", (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("SMTP test server has no port");
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    attempts,
    connectionErrors,
    byRecipient: (to) => messages.filter((m) => m.to === to),
    async waitForMessages(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
