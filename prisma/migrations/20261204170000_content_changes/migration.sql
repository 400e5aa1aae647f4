-- The content change log (docs/performance.md, "From ingest to page"). Every transaction
-- that changes what a page shows (an import batch, the demo set leaving, a tag rebuild)
-- appends the cache tags it changed, in the same transaction. Each app instance follows the
-- log and expires those tags in its own page cache, so an import by the CLI, a worker or
-- another instance reaches every instance's pages. Rows are appended in commit order (an
-- advisory lock serialises the appends), so an id cursor never skips a change. Housekeeping
-- deletes rows older than a day.
CREATE TABLE "content_changes" (
    "id" BIGSERIAL NOT NULL,
    "tags" TEXT[],
    "source" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_changes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "content_changes_created_at_idx" ON "content_changes"("created_at");
