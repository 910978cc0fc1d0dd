import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { listPublicDecisions } from '#db/public-register.server'
import { decisionRecords, staffConcerns } from '#db/schema'
import { issueRecord } from '~/signing/issue-record.server'
import { loader as csvLoader } from '~/routes/public.$org.register[.]csv'
import { loader as jsonLoader } from '~/routes/public.$org.register[.]json'
import { loader as pageLoader } from '~/routes/public.$org.register'
import { loader as indexLoader } from '~/routes/public._index'
import { serviceDate } from '~/utils/calendar'
import { addMonths } from '~/utils/review-schedule'
import { decideAndSign, reachDecision, visaApproval, visaCaseAtDecision } from '#tests/support/decision'
import { addendumData } from '#tests/support/decision-records'
import { createOrganisation, createProposal, makeRequest, statusOf } from '#tests/support/factories'
import { visaIntake } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()
const today = serviceDate(new Date())

/** A published service with an approval with conditions and a rejection, both signed after a full consultation. */
async function publishedService(db: Database) {
  const c = await visaCaseAtDecision(db, { secret: app().secret, settings: { publicRegister: true } })
  const values = await visaApproval(db, c.proposal, addMonths(today, -1))
  await decideAndSign(db, { proposal: c.proposal, chief: c.chief, values, signing: app().config, secret: app().secret })
  const lender = await createProposal(db, c.org.id, c.chief.id, { title: 'Payday lender sponsors the summer reading challenge', partner: 'QuickCash Loans Ltd' })
  const lenderIntake = { ...visaIntake(c.reviewers.map((r) => r.id)), title: lender.title, partner: lender.partner, contractor: undefined }
  await reachDecision(db, { proposal: lender, chief: c.chief, reviewers: c.reviewers, staff: c.staff, secret: app().secret, values: lenderIntake })
  await decideAndSign(db, {
    proposal: lender,
    chief: c.chief,
    values: { ...(await visaApproval(db, lender, today)), outcome: 'reject', conditions: [], overrides: [], rationale: 'Sponsorship by a high-cost lender would undermine trust.' },
    signing: app().config,
    secret: app().secret,
  })
  await createProposal(db, c.org.id, c.chief.id, { title: 'A draft nobody else sees' })
  return { ...c, lender }
}

/** A signed addendum to the approval's record, as a reassessment issues one. */
async function addAddendum(db: Database, s: Awaited<ReturnType<typeof publishedService>>) {
  const [parent] = await db.select().from(decisionRecords).where(eq(decisionRecords.proposalId, s.proposal.id))
  const { record: _r, parent: _p, ...addendum } = addendumData(parent!.sha256)
  return issueRecord(db, app().config, {
    kind: 'addendum',
    organisationId: s.org.id,
    proposalId: s.proposal.id,
    parentRecordId: parent!.id,
    data: { ...addendum, proposal: { ...addendum.proposal, reference: s.proposal.reference }, audit: { hash: parent!.auditHeadHash, seq: parent!.auditHeadSeq } },
  })
}

const request = (slug: string, suffix = '', query = '') => ({ request: makeRequest(`/public/${slug}/register${suffix}${query}`), context: {}, params: { org: slug } })

describe(`the public register (${databaseKind()})`, () => {
  it('lists every signed decision, approved or rejected, searchable, and downloads it as CSV and JSON with nothing private', async () => {
    const { db } = app().database
    const s = await publishedService(db)
    const addendum = await addAddendum(db, s)
    const page = await pageLoader(request(s.org.slug))
    // The addendum sits beside its decision, not as a decision of its own.
    expect(page.total).toBe(2)
    expect(page.partnerships.map((p) => p.outcome).sort()).toEqual(['approve_with_conditions', 'reject'])
    const approved = page.partnerships.find((p) => p.outcome === 'approve_with_conditions')!
    expect(approved.conditions).toContain('Signage tells users the service is outside the library’s privacy protection.')
    expect(approved.contractor).toBe('Sopra Steria')
    expect(approved.addenda).toEqual([{ id: addendum.id, reference: addendum.reference, signedOn: serviceDate(new Date(addendum.signedAt)) }])
    expect(page.partnerships.find((p) => p.outcome === 'reject')!.addenda).toEqual([])
    expect(page.partnerships.some((p) => p.title === 'A draft nobody else sees')).toBe(false)

    // Paged: the second of two on a page of one, with the same total.
    const second = await listPublicDecisions(db, s.org.id, { limit: 1, offset: 1 })
    expect(second.total).toBe(2)
    expect(second.rows.map((r) => r.recordId)).toEqual([page.partnerships[1]!.recordId])
    expect((await pageLoader(request(s.org.slug, '', '?page=9'))).partnerships).toEqual([])

    const searched = await pageLoader(request(s.org.slug, '', '?q=payday'))
    expect(searched.partnerships.map((p) => p.title)).toEqual(['Payday lender sponsors the summer reading challenge'])
    expect((await pageLoader(request(s.org.slug, '', '?q=%25'))).total).toBe(0)

    const csvResponse = await csvLoader(request(s.org.slug, '.csv'))
    expect(csvResponse.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csvResponse.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const csv = await csvResponse.text()
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3)
    expect(csv).toContain('Rejected')
    expect(csv).toContain('QuickCash Loans Ltd')
    expect(csv).toContain(`/verify/${addendum.id}`)

    const jsonResponse = await jsonLoader(request(s.org.slug, '.json'))
    const json = JSON.parse(await jsonResponse.text()) as { decisions: { outcome: string; record: { verify: string; sha256: string } }[] }
    expect(json.decisions.map((d) => d.outcome).sort()).toEqual(['approve_with_conditions', 'reject'])
    expect(JSON.stringify(json)).toContain(`/verify/${addendum.id}`)
    for (const d of json.decisions) {
      expect(d.record.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(d.record.verify).toMatch(/\/verify\/[0-9a-f-]{36}$/)
    }

    // Nothing private: reviewers, concern authors and their concerns, people's addresses.
    const people = [...s.reviewers, ...s.staff, s.signatory, s.chief]
    const concerns = await db.select({ text: staffConcerns.text, tag: staffConcerns.authorTag }).from(staffConcerns)
    expect(concerns.length).toBeGreaterThanOrEqual(4)
    const concernTexts = concerns.map((c) => c.text)
    const authorTags = concerns.map((c) => c.tag).filter((t) => t.length >= 8)
    for (const published of [csv, JSON.stringify(json), JSON.stringify(page)]) {
      for (const person of people.filter((p) => p !== s.chief)) expect(published).not.toContain(person.name)
      for (const person of people) expect(published).not.toContain(person.email)
      for (const text of concernTexts) expect(published).not.toContain(text)
      for (const tag of authorTags) expect(published).not.toContain(tag)
      expect(published).not.toMatch(/reviewer|author|email|anonymous/i)
    }
  })

  it('is not there for a service that does not publish, nor for nonsense addresses; the index lists only those that publish', async () => {
    const { db } = app().database
    const open = await createOrganisation(db, { publicRegister: true })
    const closed = await createOrganisation(db)
    for (const slug of [closed.slug, 'no-such-service', '../etc']) {
      for (const load of [pageLoader, csvLoader, jsonLoader]) expect(await statusOf(() => load(request(slug)))).toBe(404)
    }
    const { services } = await indexLoader()
    expect(services.map((x) => x.slug)).toContain(open.slug)
    expect(services.map((x) => x.slug)).not.toContain(closed.slug)
  })
})
