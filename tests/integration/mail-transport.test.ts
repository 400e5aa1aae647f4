import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { composeMessage } from "@/lib/mail/mime";
import { isOutboxPageEnabled, listOutboxMessages, outboxDir, readOutboxMessage } from "@/lib/mail/outbox";
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

    const listed = await listOutboxMessages();
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

  it("shows the outbox page only without SMTP, on this machine's address or when asked", () => {
    expect(isOutboxPageEnabled()).toBe(true);
    process.env.APP_URL = "https://paperpulse.example";
    resetEnvForTests();
    expect(isOutboxPageEnabled()).toBe(false);
    process.env.OUTBOX_PAGE = "on";
    resetEnvForTests();
    expect(isOutboxPageEnabled()).toBe(true);
    process.env.APP_URL = "http://127.0.0.1:3223";
    process.env.OUTBOX_PAGE = "off";
    resetEnvForTests();
    expect(isOutboxPageEnabled()).toBe(false);
    delete process.env.OUTBOX_PAGE;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    resetEnvForTests();
    expect(isOutboxPageEnabled()).toBe(false);
    delete process.env.SMTP_URL;
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
