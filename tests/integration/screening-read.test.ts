import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { type DatabaseHandle } from '#db/client.server'
import { rubrics } from '#db/schema'
import { getScreeningResult, rubricFor } from '~/workflow/screening/screening.server'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { createOrganisation, createProposal, createUser } from '#tests/support/factories'
import { createTestDatabase } from '#tests/support/test-database'

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle?.close())

describe('reading screening', () => {
  it('writes nothing: an organisation with no rubric yet is shown the default without storing it', async () => {
    const { db } = handle
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const proposal = await createProposal(db, org.id, chief.id)

    expect(await getScreeningResult(db, proposal)).toBeUndefined()
    expect(await rubricFor(db, proposal, 0)).toEqual({ version: 1, content: DEFAULT_RUBRIC })
    expect(await db.select().from(rubrics).where(eq(rubrics.organisationId, org.id))).toEqual([])
  })
})
