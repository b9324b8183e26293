-- Comments and proposals across languages (docs/decisions/042-comments-across-languages.md):
-- their translations per language, made by a person (a language mediator) or a machine; the
-- mediator's staff role; the projector's second wall language.
ALTER TYPE "staff_role" ADD VALUE 'mediator';--> statement-breakpoint
CREATE TYPE "public"."translation_kind" AS ENUM('person', 'machine');--> statement-breakpoint
CREATE TABLE "comment_translation" (
	"comment_id" uuid NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"kind" "translation_kind" NOT NULL,
	"translated_by" uuid,
	"engine" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_translation_comment_id_language_pk" PRIMARY KEY("comment_id","language")
);
--> statement-breakpoint
CREATE TABLE "proposal_translation" (
	"proposal_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"kind" "translation_kind" NOT NULL,
	"translated_by" uuid,
	"engine" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_translation_proposal_id_language_pk" PRIMARY KEY("proposal_id","language")
);
--> statement-breakpoint
ALTER TABLE "comment_translation" ADD CONSTRAINT "comment_translation_comment_id_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_translation" ADD CONSTRAINT "comment_translation_translated_by_user_id_fk" FOREIGN KEY ("translated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_translation" ADD CONSTRAINT "proposal_translation_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_translation" ADD CONSTRAINT "proposal_translation_translated_by_user_id_fk" FOREIGN KEY ("translated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD COLUMN "wall_language" text;
