-- A conference's title and description and an agenda item's note in several languages
-- (docs/decisions/046, extending 039): German in the text column, the other languages beside it.
ALTER TABLE "conference" ADD COLUMN "title_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "description_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "note_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
