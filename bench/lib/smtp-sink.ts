// A local SMTP sink for bench/digest.ts: accepts every message and discards it, counting.
// Runs as its own process (it would otherwise share a core with the senders). Prints
// "PORT <n>" once listening, then "COUNT <n>", "BYTES <n>" (message bytes received) and
// "ERRORS <n>" every 200 ms.
import { SMTPServer } from "smtp-server";

let count = 0;
let bytes = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  maxClients: 500,
  onData(stream, _session, callback) {
    stream.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on("end", () => {
      count += 1;
      callback();
    });
  },
});

// A sender that goes away mid-session resets its connection; count it and carry on.
let connectionErrors = 0;
server.on("error", () => {
  connectionErrors += 1;
});
server.listen(Number(process.env.SINK_PORT ?? 0), "127.0.0.1", () => {
  const address = server.server.address();
  process.stdout.write(`PORT ${typeof address === "object" && address ? address.port : 0}\n`);
});
setInterval(() => process.stdout.write(`COUNT ${count}\nBYTES ${bytes}\nERRORS ${connectionErrors}\n`), 200);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
