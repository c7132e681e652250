ALTER TABLE "requests" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "lost_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assigned_to_staff_accounts_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_status_idx" ON "requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "requests_assigned_to_idx" ON "requests" USING btree ("assigned_to");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_status_check" CHECK ("requests"."status" in ('new', 'contacted', 'quote_sent', 'viewed', 'changes_requested', 'accepted', 'deposit_paid', 'scheduled', 'installed', 'lost'));