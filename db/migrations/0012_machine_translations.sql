CREATE TABLE "machine_translation" (
	"source_hash" text NOT NULL,
	"source_language" text NOT NULL,
	"target_language" text NOT NULL,
	"text" text NOT NULL,
	"engine" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machine_translation_source_hash_source_language_target_language_pk" PRIMARY KEY("source_hash","source_language","target_language")
);
