ALTER TABLE "decision" ADD COLUMN "agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_proposal" ON "decision" USING btree ("proposal_id","decided_at");--> statement-breakpoint
CREATE INDEX "decision_agenda_item" ON "decision" USING btree ("agenda_item_id","decided_at");--> statement-breakpoint
CREATE INDEX "decision_comment" ON "decision" USING btree ("comment_id","decided_at");--> statement-breakpoint
CREATE INDEX "decision_revision" ON "decision" USING btree ("revision_id");--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_one_input" CHECK (num_nonnulls("decision"."proposal_id", "decision"."agenda_item_id", "decision"."comment_id") = 1);