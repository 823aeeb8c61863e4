-- CreateEnum
CREATE TYPE "certification_status" AS ENUM ('CANDIDATE', 'IN_TRAINING', 'ASSESSED', 'CERTIFIED', 'SUSPENDED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "activity_kind" AS ENUM ('TRAINING', 'INTERNSHIP', 'MENTORING', 'CONFERENCE');

-- CreateEnum
CREATE TYPE "rater_role" AS ENUM ('ORGANIZATION', 'COORDINATOR');

-- CreateTable
CREATE TABLE "expert" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT,
    "iin" CHAR(12) NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "languages" "language"[],
    "levels" "education_level"[],
    "subject_areas" TEXT[],
    "region_id" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "status" "certification_status" NOT NULL DEFAULT 'CANDIDATE',
    "assessment_score" INTEGER,
    "assessment_pass_mark" INTEGER,
    "assessed_at" DATE,
    "certificate_number" TEXT,
    "certificate_issued_on" DATE,
    "certificate_valid_until" DATE,
    "suspension_reason" TEXT,
    "ethics_code_version" TEXT,
    "ethics_acknowledged_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_employment" (
    "id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "organization_id" TEXT,
    "employer_name" TEXT NOT NULL,
    "position" TEXT,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,

    CONSTRAINT "expert_employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_family_link" (
    "id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "expert_family_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "professional_activity" (
    "id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "kind" "activity_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "occurred_on" DATE NOT NULL,
    "evidence" TEXT,

    CONSTRAINT "professional_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentorship" (
    "id" TEXT NOT NULL,
    "mentor_id" TEXT NOT NULL,
    "mentee_id" TEXT NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,

    CONSTRAINT "mentorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_rating" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "rater_role" "rater_role" NOT NULL,
    "rater_id" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expert_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_needs_response" (
    "id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "topics" TEXT[],
    "comment" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expert_needs_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "expert_user_id_key" ON "expert"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_iin_key" ON "expert"("iin");

-- CreateIndex
CREATE UNIQUE INDEX "expert_certificate_number_key" ON "expert"("certificate_number");

-- CreateIndex
CREATE INDEX "expert_status_idx" ON "expert"("status");

-- CreateIndex
CREATE INDEX "expert_employment_expert_id_idx" ON "expert_employment"("expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_family_link_expert_id_organization_id_key" ON "expert_family_link"("expert_id", "organization_id");

-- CreateIndex
CREATE INDEX "professional_activity_expert_id_occurred_on_idx" ON "professional_activity"("expert_id", "occurred_on");

-- CreateIndex
CREATE UNIQUE INDEX "expert_rating_case_id_expert_id_rater_role_key" ON "expert_rating"("case_id", "expert_id", "rater_role");

-- CreateIndex
CREATE UNIQUE INDEX "expert_needs_response_expert_id_year_key" ON "expert_needs_response"("expert_id", "year");

-- AddForeignKey
ALTER TABLE "expert" ADD CONSTRAINT "expert_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert" ADD CONSTRAINT "expert_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_employment" ADD CONSTRAINT "expert_employment_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_employment" ADD CONSTRAINT "expert_employment_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_family_link" ADD CONSTRAINT "expert_family_link_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_family_link" ADD CONSTRAINT "expert_family_link_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "professional_activity" ADD CONSTRAINT "professional_activity_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentor_id_fkey" FOREIGN KEY ("mentor_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentee_id_fkey" FOREIGN KEY ("mentee_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_rating" ADD CONSTRAINT "expert_rating_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_rating" ADD CONSTRAINT "expert_rating_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_needs_response" ADD CONSTRAINT "expert_needs_response_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An IIN has the same check digit rule as a BIN (12 digits, weights 1..11, then 3..11,1,2).
ALTER TABLE "expert" ADD CONSTRAINT "expert_iin_check_digit" CHECK ("kza_bin_is_valid"("iin"));
ALTER TABLE "professional_activity" ADD CONSTRAINT "professional_activity_hours_positive" CHECK ("hours" BETWEEN 1 AND 2000);
ALTER TABLE "expert_rating" ADD CONSTRAINT "expert_rating_score_range" CHECK ("score" BETWEEN 1 AND 5);
