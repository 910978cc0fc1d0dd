import { eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { users, type Language } from './schema/index'

export async function setPreferredLanguage(db: Queryable, userId: string, language: Language) {
  await db.update(users).set({ preferredLanguage: language }).where(eq(users.id, userId))
}
