// npm run bench:seed -- --papers 1000000 [--days 1800] [--seed 42] [--keep]
// Fills the PostgreSQL database at DATABASE_URL with a synthetic corpus (see
// bench/lib/synthetic-corpus.ts) for the benchmarks. It empties the paper tables first
// unless --keep is given. Secondary indexes are dropped during the load and rebuilt after,
// which is how a bulk load should be done; the printed figures say how long each part took.
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations } from "@/lib/db/migrate";
import { runnerForPgClient } from "@/lib/db/sql-runner";
import { categoryName, categorySlug } from "@/lib/tags";
import { SyntheticCorpus, TOPICS } from "./lib/synthetic-corpus";

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "100000" },
    days: { type: "string" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
  },
});

const total = Number(values.papers);
// About 550 papers a day, like arXiv's AI categories; at least a month.
const days = Number(values.days ?? Math.max(30, Math.ceil(total / 550)));
if (!Number.isInteger(total) || total < 1) throw new Error("--papers must be a positive whole number");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("bench:seed needs DATABASE_URL (a PostgreSQL server). Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/paperpulse_bench");
  process.exit(1);
}

/** COPY text format: backslash escapes, \N for NULL, arrays as {"a","b"}. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (Array.isArray(value)) return copyValue(`{${value.map((v) => `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`);
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

async function main() {
  const started = Date.now();
  const lap = (() => {
    let last = Date.now();
    return (label: string) => {
      const now = Date.now();
      console.log(`${label.padEnd(28)} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    };
  })();

  const client = new pg.Client(databaseUrl);
  await client.connect();
  await applyMigrations(runnerForPgClient(client));
  if (!values.keep) await client.query("TRUNCATE papers, paper_tags, paper_snapshots, tags RESTART IDENTITY CASCADE");

  const endDay = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const corpus = new SyntheticCorpus({ seed: Number(values.seed), days, endDay });
  corpus.totalHint = total;

  const tagRows = [
    ...TOPICS.map((t) => ({ slug: t.slug, name: t.name, kind: "topic" })),
    ...[...new Set(TOPICS.map((t) => t.category))].map((c) => ({ slug: categorySlug(c), name: categoryName(c), kind: "category" })),
  ];
  await client.query(
    `INSERT INTO tags (slug, name, kind) SELECT slug, name, kind::"TagKind" FROM jsonb_to_recordset($1::jsonb) AS t(slug text, name text, kind text) ON CONFLICT (slug) DO NOTHING`,
    [JSON.stringify(tagRows)],
  );
  const tagIds = new Map((await client.query<{ id: number; slug: string }>("SELECT id, slug FROM tags")).rows.map((r) => [r.slug, r.id]));

  // Drop secondary indexes for the load; remember how to rebuild them.
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       WHERE t.relname IN ('papers', 'paper_tags') AND NOT ix.indisprimary AND NOT ix.indisunique`,
    )
  ).rows;
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  lap("prepare");

  // The load writes tag_slugs itself (the triggers that keep it and the word list in step
  // would redo the work row by statement), so triggers are off for this session.
  await client.query("SET session_replication_role = replica");
  const paperTags: string[] = [];
  function* paperLines() {
    for (let i = 0; i < total; i += 1) {
      const p = corpus.paper(i);
      const slugs = [...new Set([...p.topics, ...p.categories.map(categorySlug)])].sort();
      for (const slug of slugs) paperTags.push(`${copyValue(p.id)}\t${tagIds.get(slug)}\n`);
      yield [
        p.id, 1, p.title, p.abstract, p.authors, p.publishedAt, p.publishedAt, p.listedOn, p.categories[0], p.categories, null, null, null,
        p.githubRepo, p.githubStars, null, p.upvotes, 0, p.keywords, "synthetic", slugs,
      ].map(copyValue).join("\t") + "\n";
      if ((i + 1) % 100_000 === 0) process.stdout.write(`  ${(i + 1).toLocaleString("en-US")} papers generated\n`);
    }
  }
  await pipeline(
    Readable.from(paperLines()),
    client.query(copyFrom(`COPY papers (id, version, title, abstract, authors, published_at, updated_at, listed_on, primary_category, categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords, source, tag_slugs) FROM STDIN`)),
  );
  lap(`copy ${total.toLocaleString("en-US")} papers`);
  await pipeline(Readable.from(paperTags), client.query(copyFrom("COPY paper_tags (paper_id, tag_id) FROM STDIN")));
  lap(`copy ${paperTags.length.toLocaleString("en-US")} paper tags`);

  await client.query("SET session_replication_role = DEFAULT");
  // The word list the insert trigger would have kept (typo correction, completions), counted
  // afresh over every paper.
  await client.query("TRUNCATE search_words");
  await client.query(
    `INSERT INTO search_words (word, ndoc)
     SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple'::regconfig, title || ' ' || pp_join_words(keywords) || ' ' || pp_join_words(authors)) FROM papers$$)
     WHERE word ~ '^[a-z][a-z-]{1,38}[a-z]$'`,
  );
  lap("word list");
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const index of indexes) {
    await client.query(index.definition);
    lap(`index ${index.name}`);
  }
  // VACUUM sets the visibility map, so index-only scans work at once, as they would after
  // autovacuum on a database that grew normally.
  await client.query("VACUUM ANALYZE papers");
  await client.query("VACUUM ANALYZE paper_tags");
  await client.query("VACUUM ANALYZE search_words");
  await client.query("ANALYZE tags");
  lap("vacuum analyze");
  const count = (await client.query<{ n: string }>("SELECT count(*) AS n FROM papers")).rows[0]?.n;
  console.log(`Seeded ${Number(count).toLocaleString("en-US")} papers over ${days} days ending ${endDay} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await client.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
