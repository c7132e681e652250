CREATE TABLE "deposits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quote_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"checkout_session_id" text,
	"checkout_url" text,
	"checkout_expires_at" timestamp with time zone,
	"payment_intent_id" text,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"note" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposits_checkout_session_id_unique" UNIQUE("checkout_session_id"),
	CONSTRAINT "deposits_quote_revision_attempt_unique" UNIQUE("quote_id","revision","attempt"),
	CONSTRAINT "deposits_status_check" CHECK ("deposits"."status" in ('open', 'processing', 'paid', 'failed', 'expired', 'refunded')),
	CONSTRAINT "deposits_method_check" CHECK ("deposits"."method" in ('stripe', 'offline')),
	CONSTRAINT "deposits_amount_check" CHECK ("deposits"."amount_cents" >= 0 and "deposits"."refunded_cents" >= 0 and "deposits"."refunded_cents" <= "deposits"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"object_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;