import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit writes the SQL migrations from the schema: `npm run db:generate` after a schema change
 * (`drizzle-kit generate --config src/server/db/drizzle.config.ts`, run from the project root). The
 * server bundles the SQL files it writes (client.ts), so nothing reads this config at run time.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
