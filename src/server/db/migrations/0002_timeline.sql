CREATE TABLE "timeline_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quote_id" uuid,
	"request_id" uuid,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"staff_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_events_actor_check" CHECK ("timeline_events"."actor" in ('customer', 'staff', 'system')),
	CONSTRAINT "timeline_events_subject_check" CHECK ("timeline_events"."quote_id" is not null or "timeline_events"."request_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timeline_events_quote_idx" ON "timeline_events" USING btree ("quote_id","created_at");--> statement-breakpoint
CREATE INDEX "timeline_events_request_idx" ON "timeline_events" USING btree ("request_id","created_at");