-- Indicator values taken from a live session's scale result (docs/decisions/043-indicators-that-show-progress.md):
-- the link from the catalogue's value back to the agenda item it came from.
CREATE TABLE "indicator_value_source" (
	"indicator_value_id" uuid PRIMARY KEY NOT NULL,
	"indicator_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"statistic" text NOT NULL,
	"answers" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_value_source" ADD CONSTRAINT "indicator_value_source_indicator_value_id_indicator_value_id_fk" FOREIGN KEY ("indicator_value_id") REFERENCES "public"."indicator_value"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_source" ADD CONSTRAINT "indicator_value_source_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_source" ADD CONSTRAINT "indicator_value_source_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_value_source_item" ON "indicator_value_source" USING btree ("agenda_item_id","indicator_id");
