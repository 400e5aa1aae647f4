import type { SqlRunner } from "@/lib/db/sql-runner";
import { mayHoldTex, texSegments } from "@/lib/text/tex-text";

// What the search index reads of a title or abstract (docs/search.md, "Indexed text"). The
// stored title and abstract are the source as it came (TeX and all); the index reads
// papers.title_search_text / abstract_search_text instead when they are set:
//
// - TeX outside math as Unicode (Landauer-B\"uttiker → Landauer-Büttiker), so the words are
//   words; formulas stay TeX source, as before (a search for "alpha" finds $\alpha$);
// - then the accent-free spelling of every word that has accents (Büttiker → Buttiker), so a
//   query typed either way finds the paper. The query side is unchanged: both spellings are
//   in the index.
//
// The columns are NULL when that text is the source itself (most papers: plain ASCII, no
// TeX), so they cost nothing there. They are written by the upsert with the paper, and
// brought up to date for stored papers after the migrations (deriveStoredIndexedText) when
// SEARCH_TEXT_REVISION is raised: raise it whenever these rules or texSegments change.

export const SEARCH_TEXT_REVISION = 1;
const REVISION_SETTING = "search_text_revision";

/**
 * Text that may be indexed differently from itself: TeX ligatures and commands, or any
 * character outside ASCII. The same pattern is a PostgreSQL regular expression (the stored
 * papers to look at again); it matches at least every text indexedText changes.
 */
export const MAY_INDEX_DIFFERENTLY = "[\\\\~`]|--|''|[^\\x01-\\x7f]";
const mayIndexDifferently = new RegExp(MAY_INDEX_DIFFERENTLY);

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss", ẞ: "SS", ø: "o", Ø: "O", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D",
  þ: "th", Þ: "Th", ı: "i", ŋ: "ng", Ŋ: "Ng",
};
const FOLDED_LETTER = new RegExp(`[${Object.keys(FOLDED_LETTERS).join("")}]`, "gu");

/** The text the index reads for this title or abstract, or null when that is the source itself. */
export function indexedText(source: string): string | null {
  if (!mayIndexDifferently.test(source)) return null;
  const text = mayHoldTex(source)
    ? texSegments(source)
        .map((segment) => (segment.kind === "text" ? segment.text : `$${segment.tex}$`))
        .join("")
    : source;
  const variants = new Set<string>();
  for (const token of text.split(/\s+/u)) {
    const folded = foldAccents(token);
    if (folded !== token) variants.add(folded);
  }
  // The variants go after the text, so phrases and positions in the text stay as they were.
  const indexed = variants.size > 0 ? `${text}\n\n${[...variants].join(" ")}` : text;
  return indexed === source ? null : indexed;
}

/** "Büttiker" → "Buttiker", "Straße" → "Strasse", "Łukasz" → "Lukasz". */
export function foldAccents(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(FOLDED_LETTER, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .normalize("NFC");
}

const BACKFILL_BATCH = 500;

/**
 * Brings title_search_text / abstract_search_text of stored papers up to SEARCH_TEXT_REVISION,
 * once per revision (recorded in app_settings); runs after the SQL migrations (lib/db/migrate.ts),
 * because the rules live here, not in SQL. Reads only the papers whose text may index
 * differently, in id order, and writes only those whose text changed. Returns how many.
 */
export async function deriveStoredIndexedText(runner: SqlRunner): Promise<number> {
  // A database migrated only part of the way (a test of older migrations) has nothing to derive.
  const [columns] = await runner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'papers' AND column_name IN ('title_search_text', 'abstract_search_text')`,
  );
  if (columns?.n !== 2) return 0;
  const [setting] = await runner.query<{ value: unknown }>(`SELECT value FROM app_settings WHERE key = $1`, [REVISION_SETTING]);
  if (setting && Number(setting.value) >= SEARCH_TEXT_REVISION) return 0;

  let after = "";
  let written = 0;
  for (;;) {
    const rows = await runner.query<{ id: string; title: string; abstract: string; title_search_text: string | null; abstract_search_text: string | null }>(
      `SELECT id, title, abstract, title_search_text, abstract_search_text FROM papers
       WHERE id > $1 AND (title ~ $2 OR abstract ~ $2 OR title_search_text IS NOT NULL OR abstract_search_text IS NOT NULL)
       ORDER BY id LIMIT ${BACKFILL_BATCH}`,
      [after, MAY_INDEX_DIFFERENTLY],
    );
    if (rows.length === 0) break;
    const changed = rows
      .map((row) => ({ row, title: indexedText(row.title), abstract: indexedText(row.abstract) }))
      .filter(({ row, title, abstract }) => title !== row.title_search_text || abstract !== row.abstract_search_text)
      .map(({ row, title, abstract }) => ({ id: row.id, title, abstract }));
    if (changed.length > 0) {
      await runner.query(
        `UPDATE papers p SET title_search_text = x.title, abstract_search_text = x.abstract
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, title text, abstract text) WHERE p.id = x.id`,
        [JSON.stringify(changed)],
      );
    }
    written += changed.length;
    after = rows.at(-1)!.id;
  }
  await runner.query(
    `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [REVISION_SETTING, JSON.stringify(SEARCH_TEXT_REVISION)],
  );
  return written;
}
