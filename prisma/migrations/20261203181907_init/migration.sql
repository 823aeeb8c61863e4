-- CreateEnum
CREATE TYPE "language" AS ENUM ('KK', 'RU', 'EN');

-- CreateEnum
CREATE TYPE "region_kind" AS ENUM ('OBLAST', 'CITY');

-- CreateEnum
CREATE TYPE "organization_kind" AS ENUM ('SCHOOL', 'COLLEGE', 'HIGHER_COLLEGE');

-- CreateEnum
CREATE TYPE "education_level" AS ENUM ('SECONDARY', 'TECHNICAL_VOCATIONAL', 'POST_SECONDARY');

-- CreateEnum
CREATE TYPE "programme_type" AS ENUM ('STATE_STANDARD', 'SPECIALISED_GIFTED', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "framework_status" AS ENUM ('DRAFT', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "case_stage" AS ENUM ('APPLICATION_SUBMITTED', 'REGISTERED', 'REJECTED', 'SELF_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'PRELIMINARY_VISIT', 'EXTERNAL_VISIT', 'FINAL_REPORT', 'COUNCIL_REVIEW', 'DECIDED', 'POST_ACCREDITATION', 'RE_ACCREDITATION_DUE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "decision_outcome" AS ENUM ('ACCREDITED', 'REFUSED');

-- CreateEnum
CREATE TYPE "report_kind" AS ENUM ('SELF_ASSESSMENT', 'PRELIMINARY', 'EXTERNAL_FINAL', 'INTERIM');

-- CreateTable
CREATE TABLE "region" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "kind" "region_kind" NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "centre" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" TEXT NOT NULL,
    "bin" CHAR(12) NOT NULL,
    "bin_is_placeholder" BOOLEAN NOT NULL DEFAULT false,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT,
    "kind" "organization_kind" NOT NULL,
    "level" "education_level" NOT NULL,
    "programme_type" "programme_type" NOT NULL DEFAULT 'STATE_STANDARD',
    "languages" "language"[],
    "region_id" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "address" TEXT,
    "website" TEXT,
    "predecessor_id" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "standard_framework" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "framework_status" NOT NULL DEFAULT 'DRAFT',
    "title_kk" TEXT NOT NULL,
    "title_ru" TEXT NOT NULL,
    "title_en" TEXT,
    "summary_kk" TEXT,
    "summary_ru" TEXT,
    "summary_en" TEXT,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "effective_from" DATE,
    "effective_to" DATE,
    "validity_years" INTEGER NOT NULL DEFAULT 5,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "standard_framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "standard" (
    "id" TEXT NOT NULL,
    "framework_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title_kk" TEXT NOT NULL,
    "title_ru" TEXT NOT NULL,
    "title_en" TEXT,
    "description_kk" TEXT,
    "description_ru" TEXT,
    "description_en" TEXT,

    CONSTRAINT "standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion" (
    "id" TEXT NOT NULL,
    "standard_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text_kk" TEXT NOT NULL,
    "text_ru" TEXT NOT NULL,
    "text_en" TEXT,

    CONSTRAINT "criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accreditation_case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "framework_id" TEXT NOT NULL,
    "stage" "case_stage" NOT NULL DEFAULT 'APPLICATION_SUBMITTED',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_at" TIMESTAMPTZ(3),
    "preliminary_visit_from" DATE,
    "preliminary_visit_to" DATE,
    "external_visit_from" DATE,
    "external_visit_to" DATE,
    "closed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accreditation_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "outcome" "decision_outcome" NOT NULL,
    "decision_date" DATE NOT NULL,
    "valid_from" DATE,
    "valid_until" DATE,
    "summary_kk" TEXT,
    "summary_ru" TEXT,
    "summary_en" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "supersedes_id" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" "report_kind" NOT NULL,
    "language" "language" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_section" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "standard_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "findings" TEXT NOT NULL,
    "strengths" TEXT,
    "recommendations" TEXT,

    CONSTRAINT "report_section_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_code_key" ON "region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "organization_bin_key" ON "organization"("bin");

-- CreateIndex
CREATE INDEX "organization_region_id_idx" ON "organization"("region_id");

-- CreateIndex
CREATE INDEX "organization_kind_level_idx" ON "organization"("kind", "level");

-- CreateIndex
CREATE UNIQUE INDEX "standard_framework_version_key" ON "standard_framework"("version");

-- CreateIndex
CREATE UNIQUE INDEX "standard_framework_id_code_key" ON "standard"("framework_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "standard_framework_id_position_key" ON "standard"("framework_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_standard_id_code_key" ON "criterion"("standard_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_standard_id_position_key" ON "criterion"("standard_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "accreditation_case_number_key" ON "accreditation_case"("number");

-- CreateIndex
CREATE INDEX "accreditation_case_organization_id_idx" ON "accreditation_case"("organization_id");

-- CreateIndex
CREATE INDEX "accreditation_case_stage_idx" ON "accreditation_case"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "decision_number_key" ON "decision"("number");

-- CreateIndex
CREATE UNIQUE INDEX "decision_supersedes_id_key" ON "decision"("supersedes_id");

-- CreateIndex
CREATE INDEX "decision_organization_id_decision_date_idx" ON "decision"("organization_id", "decision_date");

-- CreateIndex
CREATE INDEX "decision_published_at_idx" ON "decision"("published_at");

-- CreateIndex
CREATE INDEX "report_organization_id_idx" ON "report"("organization_id");

-- CreateIndex
CREATE INDEX "report_published_at_idx" ON "report"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "report_case_id_kind_language_key" ON "report"("case_id", "kind", "language");

-- CreateIndex
CREATE UNIQUE INDEX "report_section_report_id_standard_id_key" ON "report_section"("report_id", "standard_id");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "standard" ADD CONSTRAINT "standard_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "standard_framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion" ADD CONSTRAINT "criterion_standard_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accreditation_case" ADD CONSTRAINT "accreditation_case_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accreditation_case" ADD CONSTRAINT "accreditation_case_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "standard_framework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_section" ADD CONSTRAINT "report_section_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_section" ADD CONSTRAINT "report_section_standard_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "standard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database enforces beyond what Prisma's schema language expresses.
-- Prisma's diff ignores functions and CHECK constraints, so they do not show as drift.

-- BIN (business identification number): 12 digits, the last a check digit computed with
-- weights 1..11 mod 11. When that gives 10, weights 3..11,1,2 mod 11. 10 again = invalid.
-- The same rule lives in api/src/organizations/bin.ts, and a test keeps the two in step.
-- No semicolons inside comments or bodies here: @prisma/adapter-pg splits scripts on them.
CREATE FUNCTION "kza_bin_is_valid"(bin text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN bin !~ '^[0-9]{12}$' THEN false ELSE (
    WITH digits AS (
      SELECT i, substr(bin, i, 1)::int AS v FROM generate_series(1, 11) AS i
    ), first_pass AS (
      SELECT sum(v * i) % 11 AS c FROM digits
    ), second_pass AS (
      SELECT sum(v * (((i + 1) % 11) + 1)) % 11 AS c FROM digits
    )
    SELECT CASE
      WHEN first_pass.c <> 10 THEN first_pass.c = substr(bin, 12, 1)::int
      WHEN second_pass.c <> 10 THEN second_pass.c = substr(bin, 12, 1)::int
      ELSE false
    END
    FROM first_pass, second_pass
  ) END
$$;

ALTER TABLE "organization" ADD CONSTRAINT "organization_bin_check_digit" CHECK ("kza_bin_is_valid"("bin"));
ALTER TABLE "decision" ADD CONSTRAINT "decision_validity_order" CHECK ("valid_until" IS NULL OR "valid_from" IS NULL OR "valid_until" >= "valid_from");
ALTER TABLE "decision" ADD CONSTRAINT "decision_accredited_has_validity" CHECK ("outcome" <> 'ACCREDITED' OR "valid_until" IS NOT NULL);
ALTER TABLE "standard_framework" ADD CONSTRAINT "standard_framework_validity_years_positive" CHECK ("validity_years" BETWEEN 1 AND 10);
