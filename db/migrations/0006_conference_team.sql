CREATE TABLE "conference_team_member" (
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_team_member_conference_id_user_id_pk" PRIMARY KEY("conference_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "conference_team_member" ADD CONSTRAINT "conference_team_member_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_team_member" ADD CONSTRAINT "conference_team_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_team_member" ADD CONSTRAINT "conference_team_member_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_team_member_user" ON "conference_team_member" USING btree ("user_id");--> statement-breakpoint
INSERT INTO "conference_team_member" ("conference_id", "user_id", "added_by", "added_at")
SELECT "id", "created_by", "created_by", "created_at" FROM "conference" WHERE "created_by" IS NOT NULL;
