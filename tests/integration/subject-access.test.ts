import { eq, inArray, isNull, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { PERSON_COLUMNS } from '#db/person-data.server'
import { concernEndorsements, decisionRecords, fileChunks, organisations, sessions, staffConcerns, users } from '#db/schema'
import { verifyServiceChains } from '#db/service-audit.server'
import { verifyDatabase } from '~/cli/verify.server'
import { erasePerson } from '~/identity/erase-person.server'
import { ANONYMOUS_STATEMENT, exportPersonData, type PersonExport } from '~/identity/export-person-data.server'
import { action as eraseAction } from '~/routes/admin.users.$userId_.erase'
import { loader as exportFileLoader } from '~/routes/admin.users.$userId_.data[.]json'
import { loader as exportPageLoader } from '~/routes/admin.users.$userId_.data'
import { seedDemoStages } from '~/seed/demo-stages.server'
import { seedDemo } from '~/seed/seed-demo.server'
import { dumpAllTables, findInDump } from '#tests/support/database-dump'
import { createOrganisation, createUser, makeRequest, sessionCookieFor } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

type Person = { id: string; name: string; email: string; organisationId: string }

let db: Database
let org: { id: string; name: string }
const demo = new Map<string, Person>()

async function demoPerson(email: string) {
  const person = demo.get(email)
  if (!person) throw new Error(`No demo person ${email}`)
  return person
}

const exportOf = async (person: Person) => (await exportPersonData(db, org, person.id))!

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows
}

/** Every column with a foreign key to `users`, as `table.column`. */
async function foreignKeysToUsers() {
  return rowsOf(
    await db.execute(sql`
      select kcu.table_name || '.' || kcu.column_name as col
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
      where ccu.table_name = 'users' and ccu.column_name = 'id' and kcu.table_schema = 'public'`),
  ).map((r) => String(r.col))
}

beforeAll(async () => {
  db = app().database.db
  await seedDemo(db)
  await seedDemoStages(db, { secret: app().secret, signing: app().config })
  const [o] = await db.select().from(organisations)
  org = o!
  for (const u of await db.select().from(users)) demo.set(u.email, u)
}, 300_000)

describe(`subject access export (${databaseKind()})`, () => {
  it('looks in every column that points at a person: each foreign key to users is one Probity reads', async () => {
    const keys = await foreignKeysToUsers()
    expect(keys.length).toBeGreaterThan(20)
    const read: readonly string[] = PERSON_COLUMNS
    expect(keys.filter((k) => !read.includes(k)), 'foreign keys to users the export does not read').toEqual([])
  })

  it('holds everything a person did, for each kind of thing people do', async () => {
    const chief = await exportOf(await demoPerson('chief@fairhaven.example'))
    expect(chief.account).toMatchObject({ name: 'Rhiannon Evans', email: 'chief@fairhaven.example', roles: ['chief_librarian', 'signatory'] })
    expect(chief.account).not.toHaveProperty('passwordHash')
    for (const section of ['proposalsProposed', 'decisionsRecorded', 'signatures', 'concernsAnswered', 'staffConsultationsOpened', 'professionalBody', 'recommendationsAnswered', 'unionResponsesRecorded', 'monitoringReviews', 'monitoringResponsibleFor', 'notifications', 'auditEntries'] as const) {
      expect(chief[section].length, `chief librarian's ${section}`).toBeGreaterThan(0)
    }
    expect(chief.proposals.map((p) => p.title)).toContain('Parcel lockers in branch lobbies')
    expect(chief.auditEntries.some((e) => e.description.startsWith('Decision signed as chief librarian'))).toBe(true)

    const reviewer = await exportOf(await demoPerson('reviewer@fairhaven.example'))
    for (const section of ['chosenAsReviewer', 'screeningParts', 'scores', 'privacyAnswers', 'auditEntries'] as const) {
      expect(reviewer[section].length, `reviewer's ${section}`).toBeGreaterThan(0)
    }
    expect(reviewer.scores[0]).toHaveProperty('rationale')

    const signatory = await exportOf(await demoPerson('governance@fairhaven.example'))
    expect(signatory.signatures.length).toBeGreaterThan(0)

    const staff = [...demo.values()].filter((p) => p.email.startsWith('staff'))
    const exports = await Promise.all(staff.map(exportOf))
    expect(exports.some((e) => e.namedConcerns.length > 0), 'someone raised a named concern').toBe(true)
    expect(exports.some((e) => e.namedEndorsements.length > 0), 'someone endorsed under their name').toBe(true)

    // Sessions: dates and how, never the token's hash.
    const admin = await demoPerson('admin@fairhaven.example')
    await sessionCookieFor(db, admin.id)
    const adminExport = await exportOf(admin)
    expect(adminExport.sessions.length).toBeGreaterThan(0)
    expect(Object.keys(adminExport.sessions[0]!).sort()).toEqual(['createdAt', 'expiresAt', 'method'])
  })

  it('never says which anonymous contributions a person made, and says why', async () => {
    const anonymousConcerns = await db.select().from(staffConcerns).where(eq(staffConcerns.anonymous, true))
    const anonymousEndorsements = await db.select().from(concernEndorsements).where(isNull(concernEndorsements.endorserId))
    expect(anonymousConcerns.length).toBeGreaterThan(0)
    const anonymousTexts = anonymousConcerns.map((c) => c.text)
    const secrets = [
      ...anonymousConcerns.flatMap((c) => [c.id, c.authorTag, c.receiptHash!]),
      ...anonymousEndorsements.map((e) => e.tag),
    ]
    for (const person of demo.values()) {
      const exported: PersonExport = await exportOf(person)
      const text = JSON.stringify(exported)
      expect(exported.anonymousContributions).toBe(ANONYMOUS_STATEMENT)
      for (const secret of secrets) expect(text, `${person.email}'s export`).not.toContain(secret)
      for (const concern of exported.namedConcerns) expect(anonymousTexts).not.toContain(concern.text)
    }
    // Nothing to find them by: the held rows have no column pointing at a person, and the released ones only the named contributions' columns, empty here.
    const keys = await foreignKeysToUsers()
    expect(keys.filter((k) => k.startsWith('held_contributions.'))).toEqual([])
    expect(keys.filter((k) => k.startsWith('staff_concerns.') || k.startsWith('concern_endorsements.')).sort()).toEqual(
      ['concern_endorsements.endorser_id', 'staff_concerns.author_id', 'staff_concerns.hidden_by', 'staff_concerns.responded_by'],
    )
    expect(anonymousEndorsements.every((e) => e.endorserId === null)).toBe(true)
    expect(anonymousConcerns.every((c) => c.authorId === null)).toBe(true)
  })

  it('is a readable page and a JSON file, for the administrator of the person’s own service only', async () => {
    const admin = await demoPerson('admin@fairhaven.example')
    const reviewer = await demoPerson('reviewer@fairhaven.example')
    const cookie = await sessionCookieFor(db, admin.id)
    const file = (await exportFileLoader({ request: makeRequest(`/admin/users/${reviewer.id}/data.json`, { cookie }), params: { userId: reviewer.id }, context: {} })) as Response
    expect(file.headers.get('Content-Disposition')).toContain('attachment')
    expect(file.headers.get('Cache-Control')).toBe('no-store')
    const parsed = (await file.json()) as PersonExport
    expect(parsed.account.email).toBe('reviewer@fairhaven.example')
    const page = await exportPageLoader({ request: makeRequest(`/admin/users/${reviewer.id}/data`, { cookie }), params: { userId: reviewer.id }, context: {} })
    expect(page.exported.scores.length).toBe(parsed.scores.length)

    // Another service's administrator: as if the person did not exist.
    const other = await createOrganisation(db)
    const foreignAdmin = await createUser(db, other.id, ['admin'])
    const foreignCookie = await sessionCookieFor(db, foreignAdmin.id)
    const refused = await exportFileLoader({ request: makeRequest(`/admin/users/${reviewer.id}/data.json`, { cookie: foreignCookie }), params: { userId: reviewer.id }, context: {} }).catch((r: unknown) => r)
    expect((refused as Response).status).toBe(404)
  })
})

describe(`erasure by pseudonymisation (${databaseKind()})`, () => {
  it('refuses the last administrator, oneself, a wrong confirmation and a second erasure, each with a clear message', async () => {
    const service = await createOrganisation(db)
    const only = await createUser(db, service.id, ['admin'])
    const alone = await erasePerson(db, { id: only.id, organisationId: service.id }, only.id)
    expect(alone).toEqual({ ok: false, status: 409, message: expect.stringContaining('last administrator') })

    const second = await createUser(db, service.id, ['admin'])
    const self = await erasePerson(db, { id: only.id, organisationId: service.id }, only.id)
    expect(self).toEqual({ ok: false, status: 409, message: expect.stringContaining('your own account') })

    const staff = await createUser(db, service.id, ['staff'])
    const cookie = await sessionCookieFor(db, second.id)
    const post = (confirmEmail: string) =>
      eraseAction({ request: makeRequest(`/admin/users/${staff.id}/erase`, { cookie, form: { confirmEmail } }), params: { userId: staff.id }, context: {} })
    const wrong = (await post('someone.else@test.example')) as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(wrong.init.status).toBe(400)
    expect(wrong.data.result.error.confirmEmail).toEqual(['That is not their e-mail address: type it exactly as shown'])
    expect((await db.select().from(users).where(eq(users.id, staff.id)))[0]!.name).toBe(staff.name)

    // Typed in another case, it is still their address.
    const done = (await post(staff.email.toUpperCase())) as { erasedAs: string }
    expect(done.erasedAs).toBe(`Erased person ${staff.id.slice(0, 8)}`)
    const again = await erasePerson(db, { id: second.id, organisationId: service.id }, staff.id)
    expect(again).toEqual({ ok: false, status: 409, message: 'This person has already been erased.' })
    // The other service's person is not found from here.
    const foreign = await erasePerson(db, { id: second.id, organisationId: service.id }, (await demoPerson('staff3@fairhaven.example')).id)
    expect(foreign).toMatchObject({ ok: false, status: 404 })
  })

  it('removes the name and e-mail address from every table, keeps signed records byte for byte, and verify still passes', async () => {
    const admin = await demoPerson('admin@fairhaven.example')
    const erased = ['chief@fairhaven.example', 'reviewer@fairhaven.example', 'staff@fairhaven.example', 'staff2@fairhaven.example'].map((e) => demo.get(e)!)
    const needles = erased.flatMap((p) => [p.name, p.email])
    for (const p of erased) await sessionCookieFor(db, p.id)

    const recordShas = (await db.select({ sha256: decisionRecords.sha256 }).from(decisionRecords)).map((r) => r.sha256)
    expect(recordShas.length).toBeGreaterThan(0)
    const recordBytes = async () =>
      (await db.select().from(fileChunks).where(inArray(fileChunks.sha256, recordShas)).orderBy(fileChunks.sha256, fileChunks.seq)).map((c) => `${c.sha256}:${c.seq}:${c.data.toString('base64')}`)
    const bytesBefore = await recordBytes()

    // Beyond their accounts, the demo has copied them into notices and e-mail: the test can fail.
    const before = findInDump(await dumpAllTables(db), needles)
    expect([...before.keys()].filter((t) => t !== '"public"."users"').length).toBeGreaterThan(0)

    for (const person of erased) {
      const result = await erasePerson(db, { id: admin.id, organisationId: org.id }, person.id)
      expect(result.ok, `${person.email}: ${JSON.stringify(result)}`).toBe(true)
    }

    const after = findInDump(await dumpAllTables(db), needles)
    expect(Object.fromEntries(after)).toEqual({})
    for (const person of erased) {
      const [row] = await db.select().from(users).where(eq(users.id, person.id))
      expect(row).toMatchObject({ active: false, passwordHash: null, name: `Erased person ${person.id.slice(0, 8)}`, email: `erased-${person.id}@erased.invalid` })
      expect(await db.$count(sessions, eq(sessions.userId, person.id))).toBe(0)
    }

    expect(await recordBytes()).toEqual(bytesBefore)
    const verified = await verifyDatabase(db)
    expect(verified.lines.join('\n')).toMatch(/Service audit trails: \d+ trails?, \d+ entries, all verified/)
    expect(verified.ok, verified.lines.join('\n')).toBe(true)
    const trails = await verifyServiceChains(db)
    expect(trails.find((t) => t.organisationId === org.id)).toMatchObject({ ok: true, length: erased.length })

    // What they did is still theirs, under the pseudonym.
    const chiefNow = await exportOf(erased[0]!)
    expect(chiefNow.account.name).toBe(`Erased person ${erased[0]!.id.slice(0, 8)}`)
    expect(chiefNow.signatures.length).toBeGreaterThan(0)
    expect(chiefNow.notifications).toEqual([])
  })

  it('leaves the service’s trail unchangeable', async () => {
    // drizzle wraps the database's refusal; its cause says why.
    const refusal = (run: Promise<unknown>) => run.then(() => 'allowed', (e: Error) => `${e.message} ${String((e.cause as Error | undefined)?.message)}`)
    expect(await refusal(db.execute(sql`update service_audit_entries set subject_id = actor_id`))).toMatch(/append-only/)
    expect(await refusal(db.execute(sql`delete from service_audit_entries`))).toMatch(/append-only/)
  })
})
