CREATE TABLE "quote_drafts" (
	"quote_id" uuid PRIMARY KEY NOT NULL,
	"base_revision" integer NOT NULL,
	"configuration" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"editor_role" text NOT NULL,
	"approval" text NOT NULL,
	"decided_by" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quote_drafts_approval_check" CHECK ("quote_drafts"."approval" in ('not_needed', 'requested', 'approved', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "quote_drafts" ADD CONSTRAINT "quote_drafts_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_drafts" ADD CONSTRAINT "quote_drafts_decided_by_staff_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_drafts" ADD CONSTRAINT "quote_drafts_updated_by_staff_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_accounts"("id") ON DELETE set null ON UPDATE no action;