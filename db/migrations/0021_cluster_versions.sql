-- A cluster's Reifegrad and budget per plan revision (issue 12): planners change them with a
-- reason, and the history stays. Clusters imported before this migration get their current
-- figures as the version of their plan's first revision, as an import now records them.
CREATE TABLE "cluster_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"budget_cents" bigint,
	"maturity" "maturity"
);
--> statement-breakpoint
ALTER TABLE "cluster_version" ADD CONSTRAINT "cluster_version_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_version" ADD CONSTRAINT "cluster_version_revision_id_plan_revision_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."plan_revision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_version_revision" ON "cluster_version" USING btree ("cluster_id","revision_id");--> statement-breakpoint
INSERT INTO "cluster_version" ("cluster_id", "revision_id", "budget_cents", "maturity")
SELECT c."id", r."id", c."budget_cents", c."maturity"
FROM "cluster" c
JOIN "plan_revision" r ON r."plan_id" = c."plan_id" AND r."number" = 1;
