CREATE TABLE "installations" (
	"quote_id" uuid PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"installed_on" date NOT NULL,
	"fitted" jsonb NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;