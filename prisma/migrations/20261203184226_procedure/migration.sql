-- CreateEnum
CREATE TYPE "role" AS ENUM ('ORGANIZATION_REPRESENTATIVE', 'EXPERT', 'COORDINATOR', 'COMMISSION_MEMBER', 'COUNCIL_MEMBER', 'COUNCIL_SECRETARY', 'CPM_DIRECTOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "report_status" AS ENUM ('DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED');

-- CreateEnum
CREATE TYPE "criterion_judgement" AS ENUM ('EXCEEDS', 'MEETS', 'PARTIALLY_MEETS', 'DOES_NOT_MEET');

-- CreateEnum
CREATE TYPE "team_status" AS ENUM ('PROPOSED', 'APPROVED');

-- CreateEnum
CREATE TYPE "team_role" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "vote_choice" AS ENUM ('ACCREDIT', 'REFUSE', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "meeting_status" AS ENUM ('SCHEDULED', 'HELD');

-- CreateEnum
CREATE TYPE "survey_audience" AS ENUM ('ORGANIZATION', 'EXPERT');

-- CreateEnum
CREATE TYPE "question_kind" AS ENUM ('SCALE', 'TEXT');

-- CreateEnum
CREATE TYPE "action_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "document_kind" AS ENUM ('SELF_ASSESSMENT_REPORT', 'EVIDENCE', 'REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "delivery_channel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "accreditation_case" ADD COLUMN     "rejection_reason" TEXT,
ADD COLUMN     "self_assessment_submitted_at" TIMESTAMPTZ(3),
ADD COLUMN     "submitted_by_id" TEXT;

-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "abstentions" INTEGER,
ADD COLUMN     "meeting_id" TEXT,
ADD COLUMN     "published_by_id" TEXT,
ADD COLUMN     "recommendations" TEXT,
ADD COLUMN     "votes_against" INTEGER,
ADD COLUMN     "votes_for" INTEGER;

-- AlterTable
ALTER TABLE "report" ADD COLUMN     "approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "author_id" TEXT,
ADD COLUMN     "recommendations" TEXT,
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "report_status" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "strengths" TEXT;

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "role"[],
    "organization_id" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_of_interest" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conflict_of_interest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_rating" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "judgement" "criterion_judgement" NOT NULL,
    "narrative" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "criterion_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_team" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "status" "team_status" NOT NULL DEFAULT 'PROPOSED',
    "order_number" TEXT,
    "order_date" DATE,
    "approved_at" TIMESTAMPTZ(3),
    "approved_by_id" TEXT,

    CONSTRAINT "expert_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_team_member" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "team_role" NOT NULL,

    CONSTRAINT "expert_team_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "council_meeting" (
    "id" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "status" "meeting_status" NOT NULL DEFAULT 'SCHEDULED',
    "quorum" DECIMAL(5,4) NOT NULL DEFAULT 0.6667,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "council_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "council_meeting_member" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "council_meeting_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "council_agenda_item" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,

    CONSTRAINT "council_agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "council_vote" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "choice" "vote_choice" NOT NULL,
    "cast_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "council_vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_question" (
    "id" TEXT NOT NULL,
    "audience" "survey_audience" NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "question_kind" NOT NULL,
    "text_kk" TEXT NOT NULL,
    "text_ru" TEXT NOT NULL,
    "text_en" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "survey_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_response" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "audience" "survey_audience" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_answer" (
    "id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "scale" INTEGER,
    "text" TEXT,

    CONSTRAINT "survey_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "development_action" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "status" "action_status" NOT NULL DEFAULT 'PLANNED',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_at" TIMESTAMPTZ(3),

    CONSTRAINT "development_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "report_id" TEXT,
    "kind" "document_kind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploaded_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "case_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL,
    "channel" "delivery_channel" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "owner_id" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "sequence" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "previous_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "conflict_of_interest_user_id_organization_id_key" ON "conflict_of_interest"("user_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_rating_case_id_criterion_id_key" ON "criterion_rating"("case_id", "criterion_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_team_case_id_key" ON "expert_team"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_team_member_team_id_user_id_key" ON "expert_team_member"("team_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "council_meeting_member_meeting_id_user_id_key" ON "council_meeting_member"("meeting_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "council_agenda_item_meeting_id_case_id_key" ON "council_agenda_item"("meeting_id", "case_id");

-- CreateIndex
CREATE UNIQUE INDEX "council_vote_meeting_id_case_id_user_id_key" ON "council_vote"("meeting_id", "case_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_question_audience_position_key" ON "survey_question"("audience", "position");

-- CreateIndex
CREATE UNIQUE INDEX "survey_response_case_id_user_id_key" ON "survey_response"("case_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_answer_response_id_question_id_key" ON "survey_answer"("response_id", "question_id");

-- CreateIndex
CREATE INDEX "document_case_id_idx" ON "document"("case_id");

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_idempotency_key_key" ON "outbox_message"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");

-- AddForeignKey
ALTER TABLE "accreditation_case" ADD CONSTRAINT "accreditation_case_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "council_meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_of_interest" ADD CONSTRAINT "conflict_of_interest_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_of_interest" ADD CONSTRAINT "conflict_of_interest_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_rating" ADD CONSTRAINT "criterion_rating_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_rating" ADD CONSTRAINT "criterion_rating_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_team" ADD CONSTRAINT "expert_team_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_team_member" ADD CONSTRAINT "expert_team_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "expert_team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_team_member" ADD CONSTRAINT "expert_team_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_meeting_member" ADD CONSTRAINT "council_meeting_member_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "council_meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_meeting_member" ADD CONSTRAINT "council_meeting_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_agenda_item" ADD CONSTRAINT "council_agenda_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "council_meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_agenda_item" ADD CONSTRAINT "council_agenda_item_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_vote" ADD CONSTRAINT "council_vote_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "council_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_vote" ADD CONSTRAINT "council_vote_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_vote" ADD CONSTRAINT "council_vote_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "survey_question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_action" ADD CONSTRAINT "development_action_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_action" ADD CONSTRAINT "development_action_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
