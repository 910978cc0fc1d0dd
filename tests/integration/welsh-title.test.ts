import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { proposals } from '#db/schema'
import { action as editAction, loader as editLoader } from '~/routes/proposals.$id.edit'
import { loader as overviewLoader } from '~/routes/proposals.$id._index'
import { getProposalSummary } from '~/workflow/intake/intake.server'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

const TITLE_CY = 'Cymorth gyda fisâu yn y llyfrgell'
const SUMMARY_CY = 'Partner yn cynnig apwyntiadau fisa yn y brif lyfrgell.'

const edit = (id: string, cookie: string, form: Record<string, string>) =>
  editAction({ request: makeRequest(`/proposals/${id}/edit`, { cookie, form }), params: { id }, context: {} })

async function attempt(run: () => Promise<unknown>) {
  try {
    return await run()
  } catch (thrown) {
    return thrown
  }
}

describe(`the proposer’s Welsh title and summary (${databaseKind()})`, () => {
  it('are saved from the edit form, shown back to the proposer and carried into the record data', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const cookie = await sessionCookieFor(db, chief.id)
    const proposal = await createProposal(db, org.id, chief.id)
    const saved = (await attempt(() =>
      edit(proposal.id, cookie, {
        intent: 'save',
        version: '1',
        title: 'Visa support',
        partner: 'VisaCo',
        description: 'Visa appointments in the central library.',
        titleCy: TITLE_CY,
        descriptionCy: SUMMARY_CY,
      }),
    )) as Response
    expect(saved.status).toBe(302)

    const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id))
    expect(row).toMatchObject({ titleCy: TITLE_CY, descriptionCy: SUMMARY_CY, version: 2 })
    const form = await editLoader({ request: makeRequest(`/proposals/${proposal.id}/edit`, { cookie }), params: { id: proposal.id }, context: {} })
    expect(form.defaultValue).toMatchObject({ titleCy: TITLE_CY, descriptionCy: SUMMARY_CY })
    const overview = await overviewLoader({ request: makeRequest(`/proposals/${proposal.id}`, { cookie }), params: { id: proposal.id }, context: {} })
    expect(overview.descriptionCy).toBe(SUMMARY_CY)
    expect(await getProposalSummary(db, row!)).toMatchObject({ titleCy: TITLE_CY, summaryCy: SUMMARY_CY })
  })

  it('refuses a stale form, keeping the Welsh the newer save wrote', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const cookie = await sessionCookieFor(db, chief.id)
    const proposal = await createProposal(db, org.id, chief.id)
    const base = { intent: 'save', version: '1', title: 'Visa support', partner: 'VisaCo' }
    await attempt(() => edit(proposal.id, cookie, { ...base, titleCy: TITLE_CY }))
    const stale = (await edit(proposal.id, cookie, { ...base, titleCy: 'Teitl arall' })) as { init: { status: number } }
    expect(stale.init.status).toBe(409)
    const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id))
    expect(row!.titleCy).toBe(TITLE_CY)
  })
})
