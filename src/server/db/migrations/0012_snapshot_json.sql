ALTER TABLE "quote_revisions" ALTER COLUMN "snapshot" SET DATA TYPE json;--> statement-breakpoint
-- A PostgreSQL built with lz4 (the packaged 14 and later) compresses the snapshots with it, several
-- times faster than the default pglz for the same size; PGlite has only pglz and skips this.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "quote_revisions" ALTER COLUMN "snapshot" SET COMPRESSION lz4;
  END IF;
END $$;
