import { createHash } from "node:crypto";
import type { Socket } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// The fault suite's mail server: a real SMTP server on loopback (smtp-server) that parses
// every message with mailparser and records each accepted copy, and that injects the faults
// of a plan, chosen per message by a seeded hash so a run is reproducible:
//   - 451 at the end of DATA on a message's first attempt (temporary failure);
//   - the connection dropped after DATA on a message's first attempt, half of them after the
//     server took the message (the sender cannot know: the uncertain case of docs/digest.md)
//     and half before;
//   - 550 at RCPT TO for an address, on every attempt (no such user: a hard bounce).
// A delay before each reply stands in for a remote server's latency and sets the run's pace.

export interface FaultPlan {
  seed: number;
  tempFailRate: number;
  dropRate: number;
  hardBounceRate: number;
  delayMs: number;
}

export const NO_FAULTS: Omit<FaultPlan, "seed" | "delayMs"> = { tempFailRate: 0, dropRate: 0, hardBounceRate: 0 };

export interface ReceivedCopy {
  messageId: string;
  to: string;
  subject: string;
  /** Paper ids in the order the digest lists them: a re-sent copy must list the same. */
  papers: string;
  acceptedAt: number;
  /** The sender's EHLO name (the suite names each process's SMTP client after the process). */
  sender: string;
  /** The server took this copy and then dropped the connection before its 250. */
  droppedAfterAccept: boolean;
}

export interface InjectedFaults {
  tempFail451: number;
  dropAfterAccept: number;
  dropBeforeAccept: number;
  /** 550 replies (one per attempt), and the distinct addresses they were given to. */
  hardBounce550: number;
  hardBounceAddresses: Set<string>;
}

export interface FaultSmtpServer {
  url: string;
  copies: ReceivedCopy[];
  /** Distinct Message-IDs accepted so far: the run's progress. */
  distinct(): number;
  injected: InjectedFaults;
  /** Sockets that broke mid-session (killed senders, dropped connections). */
  connectionErrors(): number;
  /** Whether the plan answers 550 to this address. */
  bounces(address: string): boolean;
  close(): Promise<void>;
}

/** A number in [0, 1) fixed by the seed, the kind of fault and the key. */
export function fraction(seed: number, salt: string, key: string): number {
  return createHash("sha256").update(`${seed}:${salt}:${key}`).digest().readUInt32BE(0) / 4_294_967_296;
}

export async function startFaultSmtpServer(plan: FaultPlan): Promise<FaultSmtpServer> {
  const copies: ReceivedCopy[] = [];
  const seen = new Set<string>();
  const attempts = new Map<string, number>();
  const injected: InjectedFaults = { tempFail451: 0, dropAfterAccept: 0, dropBeforeAccept: 0, hardBounce550: 0, hardBounceAddresses: new Set() };
  const sockets = new Map<number, Socket>();
  const bounces = (address: string) => fraction(plan.seed, "550", address.toLowerCase()) < plan.hardBounceRate;
  const pause = () => (plan.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, plan.delayMs)) : Promise.resolve());

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 200,
    onRcptTo(address, _session, callback) {
      if (!bounces(address.address)) return callback();
      injected.hardBounce550 += 1;
      injected.hardBounceAddresses.add(address.address.toLowerCase());
      callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        simpleParser(Buffer.concat(chunks)).then(
          async (parsed) => {
            const messageId = parsed.messageId ?? "";
            const attempt = (attempts.get(messageId) ?? 0) + 1;
            attempts.set(messageId, attempt);
            await pause();
            const copy: ReceivedCopy = {
              messageId,
              to: session.envelope.rcptTo[0]?.address.toLowerCase() ?? "",
              subject: parsed.subject ?? "",
              papers: [...(parsed.text ?? "").matchAll(/\/papers\/(\d{4}\.\d{4,5})/g)].map((m) => m[1]!).join(","),
              acceptedAt: Date.now(),
              sender: session.hostNameAppearsAs ?? "",
              droppedAfterAccept: false,
            };
            if (attempt === 1 && fraction(plan.seed, "drop", messageId) < plan.dropRate) {
              // The connection goes down after the body, before the reply.
              const afterAccept = fraction(plan.seed, "drop-accepted", messageId) < 0.5;
              if (afterAccept) {
                copy.droppedAfterAccept = true;
                copies.push(copy);
                seen.add(messageId);
                injected.dropAfterAccept += 1;
              } else {
                injected.dropBeforeAccept += 1;
              }
              sockets.get(session.remotePort)?.destroy();
              return;
            }
            if (attempt === 1 && fraction(plan.seed, "451", messageId) < plan.tempFailRate) {
              injected.tempFail451 += 1;
              return callback(Object.assign(new Error("4.3.0 Local error in processing, try again later"), { responseCode: 451 }));
            }
            copies.push(copy);
            seen.add(messageId);
            callback();
          },
          (error: unknown) => callback(error as Error),
        );
      });
    },
  });
  // Each client socket by its port, so a fault can drop that very connection.
  server.server.on("connection", (socket: Socket) => {
    const port = socket.remotePort ?? 0;
    sockets.set(port, socket);
    socket.once("close", () => sockets.delete(port));
  });
  // Senders killed mid-session and dropped connections reset sockets: a server counts them and goes on.
  let connectionErrors = 0;
  server.on("error", () => {
    connectionErrors += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("fault SMTP server has no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    copies,
    distinct: () => seen.size,
    injected,
    connectionErrors: () => connectionErrors,
    bounces,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
