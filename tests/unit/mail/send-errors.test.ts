import { describe, expect, it } from "vitest";
import { classifySendError } from "@/lib/mail/send-errors";

// nodemailer's error shapes (measured in ../shared/STACK.md) mapped to the retry policy.

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("smtp said no"), fields);

describe("classifySendError", () => {
  it.each([
    ["550 to RCPT TO: the address does not exist", { code: "EENVELOPE", responseCode: 550, command: "RCPT TO" }, { kind: "hard_bounce", retryable: false, uncertain: false, smtpCode: 550 }],
    ["554 after DATA: content refused", { code: "EMESSAGE", responseCode: 554, command: "DATA" }, { kind: "rejected", retryable: false, uncertain: false, smtpCode: 554 }],
    ["451 after DATA: try again", { code: "EMESSAGE", responseCode: 451, command: "DATA" }, { kind: "temporary", retryable: true, uncertain: false, smtpCode: 451 }],
    ["450 to RCPT TO: mailbox busy", { code: "EENVELOPE", responseCode: 450, command: "RCPT TO" }, { kind: "temporary", retryable: true, uncertain: false, smtpCode: 450 }],
    ["553 to MAIL FROM: our sender refused", { code: "EENVELOPE", responseCode: 553, command: "MAIL FROM" }, { kind: "transport", retryable: false, uncertain: false, smtpCode: 553 }],
    ["535 authentication failed", { code: "EAUTH", responseCode: 535, command: "AUTH PLAIN" }, { kind: "transport", retryable: false, uncertain: false, smtpCode: 535 }],
    ["421 greeting", { code: "EPROTOCOL", responseCode: 421, command: "CONN" }, { kind: "transport", retryable: true, uncertain: false, smtpCode: 421 }],
    ["connection dropped after the body", { code: "ECONNECTION", command: "CONN" }, { kind: "transport", retryable: true, uncertain: true, smtpCode: null }],
    ["no server", { code: "ECONNREFUSED" }, { kind: "transport", retryable: true, uncertain: false, smtpCode: null }],
    ["a full disk under the outbox", { code: "ENOSPC" }, { kind: "transport", retryable: true, uncertain: false, smtpCode: null }],
  ])("%s", (_, fields, expected) => {
    expect(classifySendError(smtpError(fields))).toMatchObject(expected);
  });

  it("keeps credentials out of the message", () => {
    expect(classifySendError(new Error("connect to smtp://user:secret@mail.test failed")).message).toBe("connect to smtp://[redacted]@mail.test failed");
  });
});
