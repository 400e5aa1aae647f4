-- PaperPulse initial schema: papers, tags, daily snapshots, settings.
-- Written by hand in Prisma's migration layout; applied by `npm run db:migrate`
-- (or `prisma migrate deploy` where Prisma's schema engine is available).

-- CreateEnum
CREATE TYPE "PaperSource" AS ENUM ('huggingface', 'arxiv_api', 'arxiv_rss', 'submission', 'demo', 'synthetic');

-- CreateEnum
CREATE TYPE "TagKind" AS ENUM ('category', 'topic');

-- array_to_string is only STABLE, and a generated column needs an IMMUTABLE
-- expression; joining text[] with a space is immutable in fact.
CREATE FUNCTION "pp_join_words"(text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- CreateTable
CREATE TABLE "papers" (
    "id" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "authors" TEXT[],
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "listed_on" DATE NOT NULL,
    "primary_category" VARCHAR(32),
    "categories" TEXT[],
    "comment" TEXT,
    "doi" TEXT,
    "journal_ref" TEXT,
    "github_repo" TEXT,
    "github_stars" INTEGER,
    "project_page" TEXT,
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "comment_count" INTEGER NOT NULL DEFAULT 0,
    "keywords" TEXT[],
    "source" "PaperSource" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Weights: title A, authors and keywords B, abstract C. Authors use the
    -- 'simple' configuration so names are not stemmed.
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "pp_join_words"("authors")), 'B') ||
        setweight(to_tsvector('english'::regconfig, "pp_join_words"("keywords")), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce("abstract", '')), 'C')
    ) STORED,

    CONSTRAINT "papers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TagKind" NOT NULL,
    "description" TEXT,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_tags" (
    "paper_id" VARCHAR(64) NOT NULL,
    "tag_id" INTEGER NOT NULL,

    CONSTRAINT "paper_tags_pkey" PRIMARY KEY ("paper_id","tag_id")
);

-- CreateTable
CREATE TABLE "paper_snapshots" (
    "paper_id" VARCHAR(64) NOT NULL,
    "day" DATE NOT NULL,
    "upvotes" INTEGER NOT NULL,
    "github_stars" INTEGER,
    "comment_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "paper_snapshots_pkey" PRIMARY KEY ("paper_id","day")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "papers_listed_on_upvotes_idx" ON "papers"("listed_on", "upvotes" DESC);

-- CreateIndex
CREATE INDEX "papers_listed_on_published_at_idx" ON "papers"("listed_on", "published_at" DESC);

-- CreateIndex
CREATE INDEX "papers_search_vector_idx" ON "papers" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "tags_slug_key" ON "tags"("slug");

-- CreateIndex
CREATE INDEX "paper_tags_tag_id_paper_id_idx" ON "paper_tags"("tag_id", "paper_id");

-- AddForeignKey
ALTER TABLE "paper_tags" ADD CONSTRAINT "paper_tags_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_tags" ADD CONSTRAINT "paper_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_snapshots" ADD CONSTRAINT "paper_snapshots_paper_id_fkey" FOREIGN KEY ("paper_id") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
