-- Moderator-written text in several languages (docs/decisions/039): an open or ranking question
-- keeps German in its text column and the other languages here, language code -> text.
ALTER TABLE "agenda_item" ADD COLUMN "question_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
