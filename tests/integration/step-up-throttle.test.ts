import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { action as reassessmentAction } from '~/routes/proposals.$id.monitoring.reassessment'
import { loadProposal } from '~/workflow/apply-event.server'
import { escalate } from '~/workflow/monitoring/escalation.server'
import { recordOutcome, signOutcome } from '~/workflow/monitoring/reassessment.server'
import { MAX_FAILURES_PER_ACCOUNT } from '~/utils/throttle.server'
import { signIn } from '~/utils/sign-in.server'
import { OUTBOX_ONLY_MAIL } from '~/workflow/scenarios/consultation.server'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, TEST_PASSWORD } from '#tests/support/factories'
import { issueDecisionRecord, startMonitoring, visaPlan } from '#tests/support/monitoring'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

/** A monitored partnership with a suspension proposed and waiting for the chief librarian's signature. */
async function suspensionAwaitingSignature(db: Database) {
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian', 'signatory'])
  const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
  const proposal = await createProposal(db, org.id, chief.id, { partner: 'UK Visas and Immigration (Home Office)' })
  await startMonitoring(db, proposal, { chief, reviewers }, visaPlan('2026-01-01'))
  await issueDecisionRecord(db, app().config, proposal)
  await escalate(db, { user: chief, proposalId: proposal.id, reason: 'The contractor breached the data agreement' })
  expect(await recordOutcome(db, { user: chief, proposalId: proposal.id, values: { outcome: 'suspend', rationale: 'Until the contractor explains.' } })).toEqual({ ok: true })
  return { org, chief, proposal }
}

describe(`signing a reassessment outcome is throttled like sign-in (${databaseKind()})`, () => {
  it('refuses a flood of wrong passwords with 429, then even the right one until the window passes, and nothing is signed', async () => {
    const { db } = app().database
    const { chief, proposal } = await suspensionAwaitingSignature(db)
    const sign = (password: string, clientAddress = '203.0.113.7') =>
      signOutcome(db, { user: chief, proposalId: proposal.id, password, signing: app().config, secret: app().secret, mail: OUTBOX_ONLY_MAIL, clientAddress })

    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await sign(`guess ${i}`)).toMatchObject({ ok: false, status: 400, field: 'password' })
    }
    const refused = await sign('guess again')
    expect(refused).toMatchObject({ ok: false, status: 429, field: 'password' })
    expect(refused.ok ? '' : refused.message).toMatch(/^Too many wrong passwords\. Wait 15 minutes and try again\.$/)
    // The account is locked for signing from anywhere, and the right password does not get through either.
    expect(await sign(TEST_PASSWORD, '198.51.100.9')).toMatchObject({ ok: false, status: 429 })
    // The same counter as sign-in: the flood locks sign-in for the account too.
    expect(await signIn(makeRequest('/login'), { email: chief.email, password: TEST_PASSWORD }, '192.0.2.1')).toMatchObject({ ok: false, status: 429 })
    const after = (await loadProposal(db, chief.organisationId, proposal.id))!
    expect(after.row.stage).toBe('reassessment')
    expect(after.snapshot.context.pending?.signedBy ?? []).toEqual([])
  })

  it('answers the signing form with 429 and the message beside the password field, never repeating the password', async () => {
    const { db } = app().database
    const { chief, proposal } = await suspensionAwaitingSignature(db)
    const cookie = await sessionCookieFor(db, chief.id)
    const post = async (password: string) => {
      const version = (await loadProposal(db, chief.organisationId, proposal.id))!.row.version
      const request = makeRequest(`/proposals/${proposal.id}/monitoring/reassessment`, { cookie, form: { intent: 'sign', version: String(version), password } })
      const result = (await reassessmentAction({ request, params: { id: proposal.id }, context: { clientAddress: '203.0.113.8' } })) as unknown as {
        init: { status: number }
        data: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
      }
      return { status: result.init.status, error: result.data.error ?? {}, echoed: JSON.stringify(result.data) }
    }
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await post(`wrong-${i}`)).status).toBe(400)
    const flood = await post('wrong-final')
    expect(flood.status).toBe(429)
    expect(flood.error.password).toEqual(['Too many wrong passwords. Wait 15 minutes and try again.'])
    expect(flood.echoed).not.toContain('wrong-final')
  })
})
