import { describeError } from "@/lib/log";

// What a failed send means, from nodemailer's error (../shared/STACK.md lists the failure
// modes measured here). The policy that acts on it is in lib/digest/deliver.ts and
// docs/digest.md:
//   - 5xx to RCPT TO: the address does not exist → hard bounce, subscriber suspended.
//   - other 5xx (content refused): this delivery fails for good; counts towards suspension.
//   - 4xx (mailbox full, greylisting, 451 local error): retried with backoff.
//   - connection errors (refused, timeout, dropped): retried; not the subscriber's fault.
//     A drop after the message body was sent is "uncertain": the server may have accepted it.

export type SendFailureKind = "hard_bounce" | "rejected" | "temporary" | "transport";

export interface SendFailure {
  kind: SendFailureKind;
  /** Retrying may succeed (4xx, connection errors). */
  retryable: boolean;
  /** The server may have accepted the message before the connection failed. */
  uncertain: boolean;
  smtpCode: number | null;
  message: string;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  command?: string;
}

const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EDNS", "ETLS", "EAUTH", "EPROTOCOL"]);

export function classifySendError(error: unknown): SendFailure {
  const info = (typeof error === "object" && error !== null ? error : {}) as NodemailerError;
  const smtpCode = typeof info.responseCode === "number" ? info.responseCode : null;
  const command = (info.command ?? "").toUpperCase();
  const message = describeError(error).slice(0, 900);

  // Replies to RCPT TO and DATA are about this recipient or message. Anything else (the
  // greeting, our sender, our credentials) is about our side: it fails or delays the
  // delivery, but never counts against the subscriber.
  const aboutRecipient = command.startsWith("RCPT") || command.startsWith("DATA");
  if (smtpCode !== null && smtpCode >= 500) {
    if (!aboutRecipient) return { kind: "transport", retryable: false, uncertain: false, smtpCode, message };
    return { kind: command.startsWith("RCPT") ? "hard_bounce" : "rejected", retryable: false, uncertain: false, smtpCode, message };
  }
  if (smtpCode !== null && smtpCode >= 400) {
    return { kind: aboutRecipient ? "temporary" : "transport", retryable: true, uncertain: false, smtpCode, message };
  }
  // No SMTP reply at all: a connection problem. If it broke after DATA went out, the
  // server may already have the message.
  const uncertain = info.code === "ECONNECTION" || info.code === "ETIMEDOUT" || info.code === "ESOCKET" || info.code === "ECONNRESET";
  if (info.code !== undefined && CONNECTION_CODES.has(info.code)) {
    return { kind: "transport", retryable: true, uncertain, smtpCode, message };
  }
  // Anything else (EENVELOPE without a code, a full disk under the outbox …) is retried too:
  // a bounded number of retries costs less than a silently lost digest.
  return { kind: "transport", retryable: true, uncertain: false, smtpCode, message };
}
