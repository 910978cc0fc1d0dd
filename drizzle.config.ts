import { defineConfig } from 'drizzle-kit'

// Migrations are generated from the one schema and applied at start-up, on
// PGlite and PostgreSQL alike (see docs/decisions/001-embedded-pglite-and-postgresql.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/*.ts',
  out: './db/migrations',
})
