-- AlterTable
ALTER TABLE "expert_team" ADD COLUMN     "assumed_last_visit_day" DATE;

-- CreateTable
CREATE TABLE "expert_team_order" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "order_date" DATE NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL,
    "approved_by_id" TEXT,
    "members" JSONB NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),

    CONSTRAINT "expert_team_order_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "expert_team_order_team_id_order_number_key" ON "expert_team_order"("team_id", "order_number");

-- AddForeignKey
ALTER TABLE "expert_team_order" ADD CONSTRAINT "expert_team_order_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "expert_team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Teams approved before this migration: their order becomes the first entry of the history.
INSERT INTO "expert_team_order" ("id", "team_id", "order_number", "order_date", "approved_at", "approved_by_id", "members")
SELECT 'backfill-' || t."id", t."id", t."order_number", t."order_date", COALESCE(t."approved_at", t."order_date"::timestamptz), t."approved_by_id",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('userId', m."user_id", 'displayName', u."display_name", 'role', m."role") ORDER BY m."role", u."display_name")
                 FROM "expert_team_member" m JOIN "app_user" u ON u."id" = m."user_id" WHERE m."team_id" = t."id"), '[]'::jsonb)
FROM "expert_team" t
WHERE t."status" = 'APPROVED' AND t."order_number" IS NOT NULL AND t."order_date" IS NOT NULL;
