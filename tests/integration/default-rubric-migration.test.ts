import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { and, asc, eq } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsFolder } from '#db/client.server'
import * as schema from '#db/schema'
import { DEFAULT_ORGANISATION_SETTINGS, organisations, rubrics, type RubricContent } from '#db/schema'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { createEmptyDatabase, databaseKind } from '../support/test-database'
import v1 from '../fixtures/default-rubric-v1.json'

/**
 * Migration 0014 gives the second default rubric to services still on the
 * first, and to no one else: run the migrations before it, put three
 * services' rubrics in place, then run the rest.
 */

const V1 = v1 as RubricContent
const TAG = '0014_default_rubric_v2'

/** A copy of the migrations folder that stops just before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-migrations-'))
  fs.cpSync(migrationsFolder(), dir, { recursive: true })
  const journalPath = path.join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  expect(at).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, at)
  fs.writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

type Db = ReturnType<typeof drizzlePglite<typeof schema>>
let db: Db
let migrateTo: (folder: string) => Promise<void>
let close: () => Promise<void>
const earlier = migrationsBefore(TAG)

beforeAll(async () => {
  if (databaseKind() === 'postgres') {
    const database = await createEmptyDatabase(process.env.TEST_DATABASE_URL!)
    const client = postgres(database.url, { max: 1, onnotice: () => {} })
    db = drizzlePostgres({ client, schema }) as unknown as Db
    migrateTo = (folder) => migratePostgres(drizzlePostgres({ client }), { migrationsFolder: folder })
    close = async () => {
      await client.end({ timeout: 5 })
      await database.drop()
    }
  } else {
    const client = new PGlite()
    db = drizzlePglite({ client, schema })
    migrateTo = (folder) => migratePglite(drizzlePglite({ client }), { migrationsFolder: folder })
    close = () => client.close()
  }
})

afterAll(async () => {
  await close()
  fs.rmSync(earlier, { recursive: true, force: true })
})

async function service(slug: string) {
  const [org] = await db.insert(organisations).values({ name: slug, slug, settings: DEFAULT_ORGANISATION_SETTINGS }).returning()
  return org!.id
}

const versionsOf = (organisationId: string) =>
  db.query.rubrics.findMany({ where: eq(rubrics.organisationId, organisationId), orderBy: [asc(rubrics.version)] })

describe(`migration ${TAG} on ${databaseKind()}`, () => {
  it('adds the second default to services on the untouched first default, and leaves edited rubrics and past versions alone', async () => {
    await migrateTo(earlier)
    const onDefault = await service('on-default')
    const edited = await service('edited')
    const reworded = await service('reworded')
    const [firstDefault] = await db.insert(rubrics).values({ organisationId: onDefault, version: 1, content: V1 }).returning()
    await db.insert(rubrics).values({ organisationId: edited, version: 1, content: V1 })
    const editedV2 = { ...V1, disagreementBands: 3 }
    await db.insert(rubrics).values({ organisationId: edited, version: 2, content: editedV2 })
    // A first version that is not the default (an imported rubric, say) is not the default either.
    const rewordedV1 = { ...V1, privacyItems: V1.privacyItems.slice(1) }
    await db.insert(rubrics).values({ organisationId: reworded, version: 1, content: rewordedV1 })

    await migrateTo(migrationsFolder())

    const [kept, second] = await versionsOf(onDefault)
    expect(kept).toMatchObject({ id: firstDefault!.id, version: 1, content: V1 })
    expect(second).toMatchObject({ version: 2, createdBy: null, content: DEFAULT_RUBRIC })
    expect((await versionsOf(edited)).map((r) => r.content)).toEqual([V1, editedV2])
    expect((await versionsOf(reworded)).map((r) => r.content)).toEqual([rewordedV1])

    const anonymous = second!.content.privacyItems.find((i) => i.key === 'anonymous_use')!
    expect(anonymous.required).toBe(true)
    expect(anonymous.problem).toBe('Users cannot use the service anonymously, or must give more identification than it needs')
    expect(V1.privacyItems.find((i) => i.key === 'anonymous_use')!.required).toBe(false)
    const again = await db.query.rubrics.findMany({ where: and(eq(rubrics.organisationId, onDefault), eq(rubrics.version, 2)) })
    expect(again).toHaveLength(1)
    // Runs every migration twice over on a fresh database: slow on a busy machine.
  }, 180_000)
})
