// npm start: builds if needed, then serves PaperPulse with `next start` on PORT (3000).
// With no DATABASE_URL it runs on the embedded database in DATA_DIR (./.data).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./lib/ensure-build";

ensureBuild();

const port = process.env.PORT ?? "3000";
const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // lib/server/shutdown.ts closes the database before exiting; Next's own handler
    // would exit first and leave the embedded database to crash recovery.
    NEXT_MANUAL_SIG_HANDLE: "true",
  },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
