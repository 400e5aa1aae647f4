// npm run bench:outbox [-- --messages 121 --rounds 20]
// The /outbox list: CPU per request with --messages real emails in the outbox (two thirds
// confirmation emails, one third 10-paper daily digests, rendered from the real templates
// and composed by lib/mail/mime.ts), in a throw-away DATA_DIR. Measures the listing the page
// does (lib/mail/outbox.ts listOutboxPage: the first page, 25 messages) and, for
// comparison, reading every message whole as the page did before it was paged (simpleParser
// on each file, bodies included). Prints CPU ms per request (median of --rounds).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { simpleParser } from "mailparser";
import { createElement } from "react";
import { ConfirmationEmail } from "@/emails/confirmation-email";
import { DigestEmail } from "@/emails/digest-email";
import { DIGEST_PREVIEWS } from "@/emails/previews";
import { resetEnvForTests } from "@/lib/env";
import { composeMessage } from "@/lib/mail/mime";
import { listOutboxPage, outboxDir, writeOutboxMessage } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/render-email";

const { values } = parseArgs({ options: { messages: { type: "string", default: "121" }, rounds: { type: "string", default: "20" } } });
const count = Number(values.messages);
const rounds = Number(values.rounds);

const dataDir = mkdtempSync(path.join(tmpdir(), "paperpulse-bench-outbox-"));
process.env.DATA_DIR = dataDir;
resetEnvForTests();

const appUrl = "http://localhost:3000";
const daily = DIGEST_PREVIEWS["digest-daily"]!;
const tenPapers = Array.from({ length: 10 }, (_, i) => ({ ...daily.papers[i % daily.papers.length]!, id: `2611.${String(10000 + i)}` }));
const confirmation = await renderEmail(createElement(ConfirmationEmail, { kind: "confirm", actionUrl: `${appUrl}/subscribe/confirm?token=x`, manageUrl: `${appUrl}/manage?token=x`, appUrl }));
const digest = await renderEmail(createElement(DigestEmail, { ...daily, papers: tenPapers }));

for (let i = 0; i < count; i += 1) {
  const isDigest = i % 3 === 2;
  const body = isDigest ? digest : confirmation;
  await writeOutboxMessage(
    composeMessage({
      from: { name: "PaperPulse", address: "digest@paperpulse.localhost" },
      to: `reader${i}@example.org`,
      subject: isDigest ? `PaperPulse daily: 10 papers (${i})` : `Confirm your PaperPulse digest (${i})`,
      messageId: `<bench.${i}@paperpulse.localhost>`,
      date: new Date(Date.UTC(2026, 11, 1, 0, i)),
      text: body.text,
      html: body.html,
    }),
  );
}

/** The old listing: every message (at most 100) parsed whole. */
async function listEveryMessageWhole(): Promise<number> {
  const names = readdirSync(outboxDir()).filter((name) => name.endsWith(".eml")).slice(0, 100);
  const parsed = await Promise.all(names.map((name) => simpleParser(readFileSync(path.join(outboxDir(), name)), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true })));
  return parsed.length;
}

async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await run(); // warm-up
  for (let i = 0; i < rounds; i += 1) {
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

const paged = await cpuMs(() => listOutboxPage(1));
const whole = await cpuMs(listEveryMessageWhole);
console.log(`${count} messages in the outbox, median of ${rounds} rounds`);
console.log(`  /outbox list, paged (first 25, headers only): ${paged.toFixed(1)} ms CPU`);
console.log(`  every message parsed whole (the list before paging): ${whole.toFixed(1)} ms CPU`);
rmSync(dataDir, { recursive: true, force: true });
