ALTER TABLE "agenda_item" ADD COLUMN "comments_premoderated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comment" ADD COLUMN "awaiting_approval" boolean DEFAULT false NOT NULL;
