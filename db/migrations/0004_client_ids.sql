ALTER TABLE "comment" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "proposal" ADD COLUMN "client_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_client_id" ON "comment" USING btree ("participant_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_client_id" ON "proposal" USING btree ("participant_id","client_id");