-- What the importers used to drop (docs/ingestion.md, "Formats and their traps"):
-- Hugging Face organizations, figures (mediaUrls) and AI summaries; whether a paper is on
-- Hugging Face at all; MSC/ACM subject classes kept apart from arXiv categories; and whether
-- published_at is the real submission time or only an estimate (arXiv RSS does not say).

-- CreateTable: a Hugging Face organization, keyed by its handle (huggingface.co/<name>).
CREATE TABLE "organizations" (
    "name" VARCHAR(100) NOT NULL,
    "full_name" TEXT NOT NULL,
    "avatar_url" TEXT,
    "modified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("name")
);

ALTER TABLE "papers"
    ADD COLUMN "organization" VARCHAR(100),
    ADD COLUMN "media_urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "ai_summary" TEXT,
    ADD COLUMN "on_hugging_face" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "subject_classes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "published_at_exact" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "papers" ADD CONSTRAINT "papers_organization_fkey"
    FOREIGN KEY ("organization") REFERENCES "organizations"("name") ON DELETE SET NULL ON UPDATE CASCADE;

-- An organization page lists its papers newest first.
CREATE INDEX "papers_organization_listed_on_idx" ON "papers" ("organization", "listed_on" DESC);

-- Every paper Hugging Face listed came in with source huggingface; papers first seen on arXiv
-- and listed on HF later keep their source, and are marked by the next HF import.
UPDATE "papers" SET "on_hugging_face" = true WHERE "source" = 'huggingface';

-- Papers created from arXiv RSS got the announce time (midnight US Eastern, 04:00 or 05:00
-- UTC to the second) as published_at. One the API or HF has since dated carries a real
-- submission time, which is earlier and almost never on the hour.
UPDATE "papers" SET "published_at_exact" = false
WHERE "source" = 'arxiv_rss'
  AND extract(hour FROM "published_at" AT TIME ZONE 'UTC') IN (4, 5)
  AND date_trunc('hour', "published_at") = "published_at";
