CREATE TABLE "quote_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quote_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"agent" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_views_agent_check" CHECK ("quote_views"."agent" in ('chrome', 'edge', 'firefox', 'safari', 'other')),
	CONSTRAINT "quote_views_revision_check" CHECK ("quote_views"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "quote_views" ADD CONSTRAINT "quote_views_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_views_quote_revision_idx" ON "quote_views" USING btree ("quote_id","revision");