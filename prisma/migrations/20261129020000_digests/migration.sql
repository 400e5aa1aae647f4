-- Email digests: subscribers, digest runs, one delivery per subscriber per run, and the
-- papers of each delivery. docs/digest.md explains the state machine.

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('daily', 'weekly');

-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('pending', 'active', 'unsubscribed', 'suspended');

-- CreateEnum
CREATE TYPE "DigestRunStatus" AS ENUM ('sending', 'completed');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "subscribers" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "status" "SubscriberStatus" NOT NULL DEFAULT 'pending',
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'daily',
    "topics" TEXT[],
    "confirm_nonce" VARCHAR(64),
    "confirm_expires_at" TIMESTAMPTZ(3),
    "last_notice_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    "suspended_at" TIMESTAMPTZ(3),
    "suspended_reason" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_runs" (
    "id" UUID NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "period" VARCHAR(16) NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "status" "DigestRunStatus" NOT NULL DEFAULT 'sending',
    "trigger" VARCHAR(32) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "done_chunks" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "total_count" INTEGER NOT NULL DEFAULT 0,
    "pending_count" INTEGER NOT NULL DEFAULT 0,
    "sent_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "digest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_deliveries" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "subscriber_id" UUID NOT NULL,
    "chunk" INTEGER NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "message_id" VARCHAR(255) NOT NULL,
    "subject" VARCHAR(300),
    "paper_count" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" VARCHAR(100),
    "failure_kind" VARCHAR(32),
    "smtp_code" INTEGER,
    "last_error" VARCHAR(1000),
    "composed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digest_deliveries_pkey" PRIMARY KEY ("id")
);

-- Sending updates every row three times (claim, sent, and the choice of papers). No index
-- holds the columns those updates change, and free space on each page lets them be
-- heap-only (HOT) updates that write no index entries. (A storage parameter: outside what
-- schema.prisma describes.)
ALTER TABLE "digest_deliveries" SET (fillfactor = 70);

-- CreateTable
CREATE TABLE "digest_delivery_papers" (
    "delivery_id" UUID NOT NULL,
    "subscriber_id" UUID NOT NULL,
    "paper_id" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "digest_delivery_papers_pkey" PRIMARY KEY ("delivery_id","paper_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_email_key" ON "subscribers"("email");

-- CreateIndex
CREATE INDEX "subscribers_status_frequency_idx" ON "subscribers"("status", "frequency");

-- CreateIndex
CREATE INDEX "digest_runs_started_at_idx" ON "digest_runs"("started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "digest_runs_frequency_period_key" ON "digest_runs"("frequency", "period");

-- CreateIndex
CREATE INDEX "digest_deliveries_run_id_chunk_idx" ON "digest_deliveries"("run_id", "chunk");

-- CreateIndex
CREATE INDEX "digest_deliveries_subscriber_id_idx" ON "digest_deliveries"("subscriber_id");

-- CreateIndex
CREATE UNIQUE INDEX "digest_deliveries_run_id_subscriber_id_key" ON "digest_deliveries"("run_id", "subscriber_id");

-- CreateIndex
CREATE UNIQUE INDEX "digest_delivery_papers_subscriber_id_paper_id_key" ON "digest_delivery_papers"("subscriber_id", "paper_id");

-- AddForeignKey
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "digest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_delivery_papers" ADD CONSTRAINT "digest_delivery_papers_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "digest_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
