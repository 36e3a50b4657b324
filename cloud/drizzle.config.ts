import { defineConfig } from 'drizzle-kit';

/** `npm run cloud:generate`: the cloud's PostgreSQL migrations from cloud/src/schema.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './cloud/src/schema.ts',
  out: './cloud/migrations',
});
