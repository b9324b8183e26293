-- The Integrationskonzept's two-step prioritisation (issue 12, docs/decisions/051): goals become
-- agenda items; a live session knows its step (a working group per field of action, or the
-- steering group) and a working group its field of action; a conference how many goals its
-- combined ranking names first.
ALTER TYPE "agenda_item_kind" ADD VALUE 'goal';--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "goal_id" uuid;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TYPE "public"."prioritisation_step" AS ENUM('working_group', 'steering_group');--> statement-breakpoint
ALTER TABLE "live_session" ADD COLUMN "step" "prioritisation_step";--> statement-breakpoint
ALTER TABLE "live_session" ADD COLUMN "cluster_id" uuid;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "goals_named_first" integer;
