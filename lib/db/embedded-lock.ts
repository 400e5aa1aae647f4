import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: a second process that opens the same folder "works" and
// then loses writes or corrupts the database. One process owns DATA_DIR; everyone else
// fails fast with a message saying what to do.

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly holderPid: number,
    readonly dataDir: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holderPid} (probably \`npm start\`). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "paperpulse.pid");
}

/** Takes the pid lock on dataDir, or throws EmbeddedDatabaseBusyError. Returns a release function. */
export function acquireEmbeddedLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (holder === process.pid) break;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new EmbeddedDatabaseBusyError(holder, dataDir);
      // The holder died without cleaning up (SIGKILL, power loss): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
  process.once("exit", release);
  return release;
}
