-- Stable keys for standards and criteria, so that versions of a framework can be compared
-- even when codes are renumbered. Rows that exist already take their code as key: the
-- seed's version 1 uses its codes as keys, so a database seeded before this migration
-- re-seeds cleanly.

-- AlterTable
ALTER TABLE "criterion" ADD COLUMN     "key" TEXT;
UPDATE "criterion" SET "key" = "code";
ALTER TABLE "criterion" ALTER COLUMN "key" SET NOT NULL;

-- AlterTable
ALTER TABLE "standard" ADD COLUMN     "key" TEXT;
UPDATE "standard" SET "key" = "code";
ALTER TABLE "standard" ALTER COLUMN "key" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "criterion_standard_id_key_key" ON "criterion"("standard_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "standard_framework_id_key_key" ON "standard"("framework_id", "key");
