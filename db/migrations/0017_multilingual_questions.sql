-- Moderator-written text in several languages (docs/decisions/039): an open or ranking question
-- and a conference's title keep German in their text column and the other languages here.
ALTER TABLE "agenda_item" ADD COLUMN "question_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "title_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
