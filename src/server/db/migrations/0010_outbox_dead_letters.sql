ALTER TABLE "outbox" DROP CONSTRAINT "outbox_status_check";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
-- Written by hand: messages given up on before dead letters existed ('failed') become dead letters, their period counting from now.
UPDATE "outbox" SET "status" = 'dead', "dead_at" = now() WHERE "status" = 'failed';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('pending', 'sent', 'logged', 'dead'));