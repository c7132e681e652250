CREATE TABLE "short_links" (
	"id" text PRIMARY KEY NOT NULL,
	"configuration" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "company" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "billing_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "billing_email" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "purchase_order" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "next_step" text;--> statement-breakpoint
CREATE INDEX "short_links_created_at_idx" ON "short_links" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_next_step_check" CHECK ("requests"."next_step" in ('formal-quote', 'book-installation'));