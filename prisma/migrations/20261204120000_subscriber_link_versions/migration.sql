-- Re-subscribing needs a fresh opt-in (docs/digest.md, "Links and their lifetimes"):
--   - link_version is signed into every manage and unsubscribe link and goes up each time an
--     address confirms, so links from before an opt-in stop working. Version 0 signs the way
--     links were signed before this column existed: links already sent keep working.
--   - the one-confirmation-email-an-hour rule moves from the subscriber row to the mailbox
--     (the address lower-cased with its +tag removed; lib/subscribers/mailbox.ts), so 25
--     plus-tagged variants of one mailbox get one email, not 25. The table holds a SHA-256 of
--     the mailbox, not the address. Claims of the last hour are not carried over (they are
--     keyed differently); at most one extra email per mailbox in the hour after deploying.

-- AlterTable
ALTER TABLE "subscribers" ADD COLUMN "link_version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "subscribers" DROP COLUMN "last_notice_at";

-- CreateTable
CREATE TABLE "mailbox_notices" (
    "mailbox_hash" VARCHAR(64) NOT NULL,
    "last_notice_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mailbox_notices_pkey" PRIMARY KEY ("mailbox_hash")
);
