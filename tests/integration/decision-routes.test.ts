import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { findRecord } from '#db/records.server'
import { action, loader } from '~/routes/proposals.$id.decision._index'
import { loader as recordLoader } from '~/routes/proposals.$id.decision.records.$recordId'
import { listAuditEntries, verifyChain } from '#db/audit.server'
import { loadProposal } from '~/workflow/apply-event.server'
import { decideAndSign, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { createOrganisation, createUser, makeRequest, sessionCookieFor, statusOf, TEST_PASSWORD } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp({ PUBLIC_URL: 'http://localhost:4601' })

type Who = { id: string }
type Reply = { data: { intent: string; result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } }; init: { status: number } }

const cookieOf = (who: Who) => sessionCookieFor(app().database.db, who.id)

async function page(id: string, who: Who) {
  return loader({ request: makeRequest(`/proposals/${id}/decision`, { cookie: await cookieOf(who) }), params: { id }, context: {} })
}

async function post(id: string, who: Who, form: Record<string, string>): Promise<Reply | Response> {
  const request = makeRequest(`/proposals/${id}/decision`, { cookie: await cookieOf(who), form })
  try {
    return (await action({ request, params: { id }, context: { clientAddress: '192.0.2.20' } })) as unknown as Reply
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const statusOfReply = (r: Reply | Response) => (r instanceof Response ? r.status : r.init.status)

async function version(organisationId: string, id: string) {
  return String((await loadProposal(app().database.db, organisationId, id))!.row.version)
}

/** The decision form as the browser posts it: a rejection needs no plan or override. */
const rejection = (v: string) => ({ intent: 'record', version: v, outcome: 'reject', rationale: 'Too great a risk to vulnerable users.' })

describe(`the decision page (${databaseKind()})`, () => {
  it('shows the summary, the pre-filled form and the machine’s offers; another service’s proposal is not found', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret })
    const chiefView = (await page(c.proposal.id, c.chief)).view
    expect(chiefView).toMatchObject({ deciding: true, canRecord: true, canSign: false, current: null })
    expect(chiefView.form.conditions.map((x) => x.source)).toEqual(['professional_body', 'staff'])
    expect(chiefView.form.overrides).toEqual([{ key: 'leaving_privacy_protection', rationale: '' }])
    expect(chiefView.form.dissent).toHaveLength(10)
    expect(chiefView.screening?.criteria).toHaveLength(10)
    expect(chiefView.consultation?.staff.concerns).toHaveLength(2)
    const staffView = (await page(c.proposal.id, c.staff[0]!)).view
    expect(staffView).toMatchObject({ canRecord: false, canSign: false })

    const other = await createOrganisation(db)
    const outsider = await createUser(db, other.id, ['chief_librarian', 'admin'])
    expect(await statusOf(() => page(c.proposal.id, outsider))).toBe(404)
    expect(await statusOf(async () => post(c.proposal.id, outsider, rejection('1')))).toBe(404)
  })

  it('answers bad input with field errors, a stale version with 409 and someone else with 403, never a 500', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret })
    const v = await version(c.org.id, c.proposal.id)

    const bad = (await post(c.proposal.id, c.chief, { intent: 'record', version: v, outcome: 'abolish', rationale: '<b>x</b>' })) as Reply
    expect(bad.init.status).toBe(400)
    expect(bad.data.result.error).toMatchObject({ outcome: ['Choose the outcome'], rationale: ['Remove the HTML tags: this field takes plain text'] })
    // What was typed comes back to the form.
    expect(bad.data.result.initialValue).toMatchObject({ rationale: '<b>x</b>' })

    const noOverride = (await post(c.proposal.id, c.chief, {
      intent: 'record',
      version: v,
      outcome: 'approve',
      rationale: 'Fine.',
      'overrides[0].key': 'leaving_privacy_protection',
    })) as Reply
    expect(noOverride.init.status).toBe(400)
    expect(noOverride.data.result.error?.['overrides[0].rationale']).toEqual(['To approve despite this blocking issue, record why'])

    expect(statusOfReply(await post(c.proposal.id, c.chief, { ...rejection(v), version: String(Number(v) - 1) }))).toBe(409)
    const stranger = (await post(c.proposal.id, c.signatory, rejection(v))) as Reply
    expect(stranger.init.status).toBe(403)
    expect(stranger.data.result.error?.['']?.[0]).toMatch(/Only the chief librarian/)
    expect(statusOfReply(await post(c.proposal.id, c.chief, { intent: 'sign', version: v }))).toBe(400)

    const recorded = await post(c.proposal.id, c.chief, rejection(v))
    expect(recorded).toBeInstanceOf(Response)
    expect((recorded as Response).headers.get('Location')).toBe(`/proposals/${c.proposal.id}/decision#pending-heading`)
    expect((await page(c.proposal.id, c.chief)).view.current?.content).toMatchObject({ outcome: 'reject', conditions: [], monitoring: null })
  })

  it('refuses a wrong password beside the field without sending it back, then signs with the right one', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret })
    expect(statusOfReply(await post(c.proposal.id, c.chief, rejection(await version(c.org.id, c.proposal.id))))).toBe(302)
    const v = await version(c.org.id, c.proposal.id)
    expect((await page(c.proposal.id, c.chief)).view.canSign).toBe(true)

    const wrong = (await post(c.proposal.id, c.chief, { intent: 'sign', version: v, password: 'not my password' })) as Reply
    expect(wrong.init.status).toBe(400)
    expect(wrong.data.result.error?.password).toEqual(['That password is not right. Enter the password you sign in with.'])
    expect(JSON.stringify(wrong.data)).not.toContain('not my password')
    expect(await version(c.org.id, c.proposal.id)).toBe(v)

    const signed = await post(c.proposal.id, c.chief, { intent: 'sign', version: v, password: TEST_PASSWORD })
    expect(statusOfReply(signed)).toBe(302)
    const after = (await page(c.proposal.id, c.chief)).view
    expect(after).toMatchObject({ deciding: false, canSign: false, canRecord: false, current: null })
    expect(after.history).toHaveLength(1)
    expect(after.history[0]).toMatchObject({ outcome: 'reject', record: { reference: `${c.proposal.reference}-R1` } })
  })
})

describe(`returning a proposal for revision through the page (${databaseKind()})`, () => {
  it('records and signs the return, sends the proposal back to draft, and keeps its history, record and audit trail', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret })
    const trailBefore = await listAuditEntries(db, c.proposal.id)
    const form = { intent: 'record', version: await version(c.org.id, c.proposal.id), outcome: 'return_for_revision', rationale: 'Come back with a privacy notice.' }
    expect(statusOfReply(await post(c.proposal.id, c.chief, form))).toBe(302)
    const signed = await post(c.proposal.id, c.chief, { intent: 'sign', version: await version(c.org.id, c.proposal.id), password: TEST_PASSWORD })
    expect(statusOfReply(signed)).toBe(302)

    const after = (await loadProposal(db, c.org.id, c.proposal.id))!
    expect(after.row.stage).toBe('draft')
    expect(after.snapshot.context.revisions).toBe(1)
    const view = (await page(c.proposal.id, c.chief)).view
    expect(view).toMatchObject({ deciding: false, canSign: false, canRecord: false })
    expect(view.history).toHaveLength(1)
    expect(view.history[0]).toMatchObject({ outcome: 'return_for_revision', record: { reference: `${c.proposal.reference}-R1` } })
    // Nothing earlier is rewritten: the trail only grows, and still verifies.
    const trail = await listAuditEntries(db, c.proposal.id)
    expect(trail.slice(0, trailBefore.length)).toEqual(trailBefore)
    expect(trail.length).toBeGreaterThan(trailBefore.length)
    expect(await verifyChain(db, c.proposal.id)).toMatchObject({ ok: true })
    const record = await findRecord(db, c.org.id, view.history[0]!.record!.id)
    expect(record).toMatchObject({ outcome: 'return_for_revision' })
  })
})

describe(`the signed record download (${databaseKind()})`, () => {
  it('serves the exact signed bytes to the service’s own people, and nothing to anyone else', async () => {
    const { db } = app().database
    const c = await visaCaseAtDecision(db, { secret: app().secret })
    const recordId = await decideAndSign(db, {
      proposal: c.proposal,
      chief: c.chief,
      values: await visaApproval(db, c.proposal, '2026-09-01'),
      signing: app().config,
      secret: app().secret,
    })
    const record = (await findRecord(db, c.org.id, recordId))!
    const get = async (who: Who, id = recordId) =>
      recordLoader({
        request: makeRequest(`/proposals/${c.proposal.id}/decision/records/${id}`, { cookie: await cookieOf(who) }),
        params: { id: c.proposal.id, recordId: id },
        context: {},
      })

    const response = await get(c.staff[0]!)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${record.reference}.pdf"`)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(record.sha256)

    const other = await createOrganisation(db)
    expect(await statusOf(async () => get(await createUser(db, other.id, ['admin'])))).toBe(404)
    expect(await statusOf(() => get(c.chief, crypto.randomUUID()))).toBe(404)
    expect(await statusOf(() => get(c.chief, 'not-a-record'))).toBe(404)
  })
})
