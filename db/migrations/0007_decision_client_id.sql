-- The decide form's idempotency key: a double submit stores one decision per input.
ALTER TABLE "decision" ADD COLUMN "client_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_client_id" ON "decision" USING btree ("client_id", coalesce("proposal_id", "agenda_item_id", "comment_id"));
