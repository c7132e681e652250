ALTER TABLE "requests" ADD COLUMN "company" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "billing_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "billing_email" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "purchase_order" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "next_step" text;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_next_step_check" CHECK ("requests"."next_step" in ('formal-quote', 'book-installation'));