-- CreateEnum
CREATE TYPE "support_event_kind" AS ENUM ('SEMINAR', 'TRAINING', 'CONSULTATION', 'WEBINAR');

-- CreateEnum
CREATE TYPE "event_format" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "support_audience" AS ENUM ('SCHOOLS', 'COLLEGES', 'EXPERTS', 'ALL');

-- CreateEnum
CREATE TYPE "support_event_status" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "material_kind" AS ENUM ('GUIDE', 'RECOMMENDATION', 'TEMPLATE', 'PRESENTATION', 'CHECKLIST', 'VIDEO', 'LEGAL_ACT');

-- DropForeignKey
ALTER TABLE "document" DROP CONSTRAINT "document_case_id_fkey";

-- AlterTable
ALTER TABLE "document" ALTER COLUMN "case_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "support_event" (
    "id" TEXT NOT NULL,
    "kind" "support_event_kind" NOT NULL,
    "title_kk" TEXT NOT NULL,
    "title_ru" TEXT NOT NULL,
    "title_en" TEXT,
    "description_kk" TEXT,
    "description_ru" TEXT,
    "description_en" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "format" "event_format" NOT NULL,
    "place_kk" TEXT,
    "place_ru" TEXT,
    "place_en" TEXT,
    "online_url" TEXT,
    "audience" "support_audience" NOT NULL,
    "languages" "language"[],
    "registration_url" TEXT,
    "status" "support_event_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "methodological_material" (
    "id" TEXT NOT NULL,
    "kind" "material_kind" NOT NULL,
    "title_kk" TEXT NOT NULL,
    "title_ru" TEXT NOT NULL,
    "title_en" TEXT,
    "summary_kk" TEXT,
    "summary_ru" TEXT,
    "summary_en" TEXT,
    "language" "language" NOT NULL,
    "audience" "support_audience" NOT NULL DEFAULT 'ALL',
    "document_id" TEXT,
    "external_url" TEXT,
    "framework_id" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "methodological_material_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "support_event_status_ends_at_idx" ON "support_event"("status", "ends_at");

-- CreateIndex
CREATE UNIQUE INDEX "methodological_material_document_id_key" ON "methodological_material"("document_id");

-- CreateIndex
CREATE INDEX "methodological_material_published_at_idx" ON "methodological_material"("published_at");

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "accreditation_case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "methodological_material" ADD CONSTRAINT "methodological_material_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "methodological_material" ADD CONSTRAINT "methodological_material_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "standard_framework"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An event ends after it starts (also checked by the API, with a clear message).
ALTER TABLE "support_event" ADD CONSTRAINT "support_event_ends_after_start" CHECK ("ends_at" > "starts_at");
