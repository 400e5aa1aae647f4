// npm start: builds when there is no build or a source file is newer (printing progress, as
// the first build takes minutes on a small machine), then serves PaperPulse with its HTTP
// server (scripts/server.ts) on PORT (3000). With no DATABASE_URL it runs on the embedded
// database in DATA_DIR (./.data) and listens on 127.0.0.1 only (HOSTNAME changes that).
import { ensureBuildWithProgress } from "./lib/ensure-build";

await ensureBuildWithProgress();
await import("./server");
