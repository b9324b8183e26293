ALTER TYPE "agenda_item_kind" ADD VALUE 'ranking';--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "measure_ids" uuid[];
