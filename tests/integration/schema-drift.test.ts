import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withSqlSession } from "@/lib/db";
import { findSchemaDrift } from "./helpers/schema-drift";

const schema = readFileSync("prisma/schema.prisma", "utf8");

describe("schema.prisma and the migrated database", () => {
  it("agree on every table, column, type, nullability, index, foreign key and enum", async () => {
    const drift = await withSqlSession((sql) => findSchemaDrift(schema, sql));
    expect(drift).toEqual([]);
  });

  it("notices a field added to schema.prisma without a migration", async () => {
    const edited = schema.replace("  doi             String?", "  doi             String?\n  arxivLicense    String   @map(\"arxiv_license\")");
    const drift = await withSqlSession((sql) => findSchemaDrift(edited, sql));
    expect(drift).toEqual(["column papers.arxiv_license is in schema.prisma but not in the database"]);
  });

  it("notices a changed type, a changed nullability and a missing index", async () => {
    const edited = schema
      .replace('upvotes         Int         @default(0)', 'upvotes         BigInt      @default(0)')
      .replace('comment         String?', 'comment         String')
      .replace('  @@index([tagId, paperId], map: "paper_tags_tag_id_paper_id_idx")\n', "");
    const drift = await withSqlSession((sql) => findSchemaDrift(edited, sql));
    expect(drift).toEqual([
      "column papers.comment is nullable in the database but required in schema.prisma",
      "column papers.upvotes is integer in the database but bigint in schema.prisma",
      "index paper_tags: index btree (tag_id, paper_id) is in the database but not in schema.prisma",
    ]);
  });

  it("notices a column, an index and a table that only the database has", async () => {
    const drift = await withSqlSession(async (sql) => {
      await sql.exec(`BEGIN; ALTER TABLE papers ADD COLUMN stray integer; CREATE INDEX papers_title_idx ON papers (title); CREATE TABLE stray_table (id int);`);
      try {
        return await findSchemaDrift(schema, sql);
      } finally {
        await sql.exec("ROLLBACK");
      }
    });
    expect(drift).toEqual([
      "column papers.stray is in the database but not in schema.prisma",
      "index papers: index btree (title) is in the database but not in schema.prisma",
      "table stray_table is in the database but not in schema.prisma",
    ]);
  });
});
