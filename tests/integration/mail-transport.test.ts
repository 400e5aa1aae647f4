import { mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { composeMessage } from "@/lib/mail/mime";
import { isOutboxShownTo, listOutboxPage, OUTBOX_PAGE_SIZE, outboxDir, outboxIdFor, readOutboxMessage } from "@/lib/mail/outbox";
import { classifySendError } from "@/lib/mail/send-errors";
import { closeMailTransport, getMailTransport } from "@/lib/mail/transport";
import { configureMail } from "./helpers/digest";
import { startTestSmtpServer } from "./helpers/smtp-server";

// The two transports: one pooled SMTP connection set per process, and the outbox of .eml
// files that stands in for a mail server in the embedded default.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-outbox-"));

afterAll(() => {
  closeMailTransport();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  delete process.env.OUTBOX_PAGE;
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = "http://localhost:3000";
  rmSync(path.join(dataDir, "outbox"), { recursive: true, force: true });
  configureMail(null);
});

function message(i: number, to = `reader${i}@example.org`) {
  return composeMessage({
    from: { name: "PaperPulse", address: "digest@paperpulse.test" },
    to,
    subject: `Digest number ${i}`,
    messageId: `<digest.daily-2026-11-28.${i}@paperpulse.test>`,
    date: new Date("2026-11-28T07:00:00Z"),
    text: `Hello ${i}: https://paperpulse.test/manage?token=t${i}`,
    html: `<p>Hello ${i}: <a href="https://paperpulse.test/manage?token=t${i}&amp;x=1">Manage your digest</a> <a href="mailto:x@y.z">mail</a></p>`,
    headers: { "List-Unsubscribe": `<https://paperpulse.test/api/unsubscribe?token=t${i}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
}

describe("the outbox (no SMTP_URL)", () => {
  it("writes each message once as an .eml file, and lists and reads it back", async () => {
    const transport = getMailTransport();
    expect(transport.kind).toBe("outbox");
    await transport.send(message(1));
    await transport.send(message(2));
    await transport.send(message(1)); // a re-send of the same Message-ID replaces the file
    expect(outboxDir()).toBe(path.join(dataDir, "outbox"));
    expect(readdirSync(outboxDir()).filter((f) => f.endsWith(".eml"))).toHaveLength(2);

    const listed = (await listOutboxPage())!.messages;
    expect(listed.map((m) => m.subject).sort()).toEqual(["Digest number 1", "Digest number 2"]);
    const one = await readOutboxMessage(listed.find((m) => m.subject === "Digest number 1")!.id);
    expect(one).toMatchObject({
      to: "reader1@example.org",
      from: '"PaperPulse" <digest@paperpulse.test>',
      messageId: "<digest.daily-2026-11-28.1@paperpulse.test>",
      text: "Hello 1: https://paperpulse.test/manage?token=t1",
      links: [{ text: "Manage your digest", href: "https://paperpulse.test/manage?token=t1&x=1" }],
    });
    expect(one!.headers.map((h) => h.name)).toEqual(["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"]);
    expect(await readOutboxMessage("../../etc/passwd")).toBeNull();
    expect(await readOutboxMessage("0".repeat(32))).toBeNull();
  });

  it("lists the outbox a page at a time, newest first, reading only the page's messages", async () => {
    expect(await listOutboxPage()).toEqual({ messages: [], page: 1, pageCount: 1, total: 0 });
    const transport = getMailTransport();
    const count = OUTBOX_PAGE_SIZE + 5;
    for (let i = 1; i <= count; i += 1) {
      const composed = message(i);
      await transport.send(composed);
      // Message i was written i minutes after 2026-11-28 00:00: the newest is the last.
      const at = new Date(Date.UTC(2026, 10, 28, 0, i));
      utimesSync(path.join(outboxDir(), `${outboxIdFor(composed.messageId)}.eml`), at, at);
    }
    const first = await listOutboxPage(1);
    const second = await listOutboxPage(2);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: count });
    expect(first!.messages.map((m) => m.subject)).toEqual(Array.from({ length: OUTBOX_PAGE_SIZE }, (_, i) => `Digest number ${count - i}`));
    expect(second!.messages.map((m) => m.subject)).toEqual(["Digest number 5", "Digest number 4", "Digest number 3", "Digest number 2", "Digest number 1"]);
    expect(second!.messages[0]).toEqual({ id: outboxIdFor(message(5).messageId), to: "reader5@example.org", subject: "Digest number 5", date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(await listOutboxPage(3)).toBeNull();
  });

  it("shows the outbox only without SMTP, to a request from this machine, or to everyone when asked", () => {
    const local = { loopback: true };
    const remote = { loopback: false };
    expect(isOutboxShownTo(local)).toBe(true);
    expect(isOutboxShownTo(remote)).toBe(false);
    // APP_URL does not matter: who asks does.
    process.env.APP_URL = "https://paperpulse.example";
    resetEnvForTests();
    expect(isOutboxShownTo(local)).toBe(true);
    expect(isOutboxShownTo(remote)).toBe(false);
    process.env.OUTBOX_PAGE = "on";
    resetEnvForTests();
    expect(isOutboxShownTo(remote)).toBe(true);
    process.env.OUTBOX_PAGE = "off";
    resetEnvForTests();
    expect(isOutboxShownTo(local)).toBe(false);
    delete process.env.OUTBOX_PAGE;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    resetEnvForTests();
    expect(isOutboxShownTo(local)).toBe(false);
    delete process.env.SMTP_URL;
    resetEnvForTests();
  });
});

describe("SMTP (SMTP_URL set)", () => {
  it("sends through one pool of reused connections", async () => {
    const smtp = await startTestSmtpServer();
    let connections = 0;
    const counting = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onData(stream, _session, callback) {
        stream.on("data", () => undefined);
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => counting.listen(0, "127.0.0.1", resolve));
    const port = (counting.server.address() as { port: number }).port;
    try {
      configureMail(`smtp://127.0.0.1:${port}`, { SMTP_POOL_SIZE: "3" });
      const transport = getMailTransport();
      expect(transport.kind).toBe("smtp");
      expect(getMailTransport()).toBe(transport);
      await Promise.all(Array.from({ length: 60 }, (_, i) => transport.send(message(i))));
      expect(connections).toBe(3);

      configureMail(smtp.url);
      await Promise.all(Array.from({ length: 5 }, (_, i) => getMailTransport().send(message(i))));
      expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `<digest.daily-2026-11-28.${i}@paperpulse.test>`).sort());
      expect(smtp.messages[0]!.parsed.headers.get("list")).toMatchObject({ "unsubscribe-post": { name: "List-Unsubscribe=One-Click" } });
    } finally {
      closeMailTransport();
      await new Promise<void>((resolve) => counting.close(() => resolve()));
      await smtp.close();
    }
  });
});

/**
 * A scripted SMTP server (no PIPELINING, one reply per command) whose answers a test chooses
 * per recipient: 250, a reply code after RCPT TO or after the message, or dropping the
 * connection once the message has arrived (the uncertain case).
 */
async function startScriptedSmtp(plan: (recipient: string) => { rcpt?: string; data?: string; drop?: boolean }) {
  const server = net.createServer((socket) => {
    let recipient = "";
    let inData = false;
    let buffer = "";
    socket.on("error", () => undefined); // the client may reset a dropped connection
    socket.write("220 scripted ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          const step = plan(recipient);
          if (step.drop) return void socket.destroy();
          socket.write(`${step.data ?? "250 2.0.0 queued"}\r\n`);
          continue;
        }
        const lineEnd = buffer.indexOf("\r\n");
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 scripted\r\n");
        else if (verb === "MAIL") socket.write("250 2.1.0 ok\r\n");
        else if (verb === "RCPT") {
          recipient = /<([^>]*)>/.exec(line)?.[1] ?? "";
          socket.write(`${plan(recipient).rcpt ?? "250 2.1.5 ok"}\r\n`);
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "RSET" || verb === "NOOP") socket.write("250 2.0.0 ok\r\n");
        else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("500 5.5.1 unknown command\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("SMTP failures through the pool", () => {
  it("keep the meaning lib/mail/send-errors.ts gives them, and the pool goes on sending", async () => {
    const smtp = await startScriptedSmtp((recipient) => {
      if (recipient === "busy@example.org") return { rcpt: "450 4.2.1 mailbox busy" };
      if (recipient === "nobody@example.org") return { rcpt: "550 5.1.1 no such user" };
      if (recipient === "later@example.org") return { data: "451 4.3.0 try again later" };
      if (recipient === "closing@example.org") return { data: "421 4.3.2 shutting down" };
      if (recipient === "refused@example.org") return { data: "554 5.7.1 refused" };
      if (recipient === "dropped@example.org") return { drop: true };
      return {};
    });
    try {
      configureMail(`smtp://127.0.0.1:${smtp.port}`, { SMTP_POOL_SIZE: "1" });
      const transport = getMailTransport();
      const outcome = async (to: string) => {
        try {
          await transport.send(message(1, to));
          return "sent";
        } catch (error) {
          const { kind, retryable, uncertain, smtpCode } = classifySendError(error);
          return { kind, retryable, uncertain, smtpCode };
        }
      };
      // One connection, one message after the other: each failure leaves the pool usable.
      expect(await outcome("busy@example.org")).toEqual({ kind: "temporary", retryable: true, uncertain: false, smtpCode: 450 });
      expect(await outcome("reader@example.org")).toBe("sent");
      expect(await outcome("nobody@example.org")).toEqual({ kind: "hard_bounce", retryable: false, uncertain: false, smtpCode: 550 });
      expect(await outcome("later@example.org")).toEqual({ kind: "temporary", retryable: true, uncertain: false, smtpCode: 451 });
      expect(await outcome("refused@example.org")).toEqual({ kind: "rejected", retryable: false, uncertain: false, smtpCode: 554 });
      expect(await outcome("closing@example.org")).toEqual({ kind: "temporary", retryable: true, uncertain: false, smtpCode: 421 });
      expect(await outcome("reader@example.org")).toBe("sent");
      expect(await outcome("dropped@example.org")).toMatchObject({ kind: "transport", retryable: true, uncertain: true, smtpCode: null });
      expect(await outcome("reader@example.org")).toBe("sent");
    } finally {
      closeMailTransport();
      await smtp.close();
    }
  });
});
