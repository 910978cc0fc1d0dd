import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { privacyAnswers, proposals, reviewScores, screeningReviewers, type RubricContent } from '#db/schema'
import { action as reviewAction, loader as reviewLoader } from '~/routes/proposals.$id.screening.review'
import { action as screeningAction, loader as screeningLoader } from '~/routes/proposals.$id.screening._index'
import { DEFAULT_RUBRIC } from '~/workflow/screening/default-rubric'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { submitProposal, uniformReview, type Rating } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

type Person = Awaited<ReturnType<typeof createUser>>

async function screeningCase(reviewerCount = 2) {
  const { db } = app().database
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian'])
  const reviewers: Person[] = []
  for (let n = 0; n < reviewerCount; n++) reviewers.push(await createUser(db, org.id, ['reviewer']))
  const staff = await createUser(db, org.id, ['staff'])
  const draft = await createProposal(db, org.id, chief.id)
  await submitProposal(db, { proposal: draft, proposer: chief, reviewers: reviewers.slice(0, 2) })
  return { db, org, chief, reviewers, staff, id: draft.id }
}

const cookieOf = async (p: Person) => sessionCookieFor(app().database.db, p.id)

async function post(route: 'screening' | 'review', id: string, who: Person, form: Record<string, string | string[]>) {
  const path = route === 'screening' ? `/proposals/${id}/screening` : `/proposals/${id}/screening/review`
  const request = makeRequest(path, { cookie: await cookieOf(who), form })
  const run = route === 'screening' ? screeningAction : reviewAction
  try {
    return (await run({ request, params: { id }, context: {} })) as { init: { status: number }; data: { error: Record<string, string[]> } }
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const statusOfResult = (r: Response | { init: { status: number } }) => (r instanceof Response ? r.status : r.init.status)

async function screeningPage(id: string, who: Person) {
  return screeningLoader({ request: makeRequest(`/proposals/${id}/screening`, { cookie: await cookieOf(who) }), params: { id }, context: {} })
}

async function reviewPage(id: string, who: Person) {
  return reviewLoader({ request: makeRequest(`/proposals/${id}/screening/review`, { cookie: await cookieOf(who) }), params: { id }, context: {} })
}

/** The scoring form as the browser posts it, with a marker in every rationale. */
function reviewForm(reviewerId: string, intent: 'save' | 'submit', rating: Rating, marker: string, rubric: RubricContent = DEFAULT_RUBRIC) {
  const review = uniformReview(rubric, rating, ['retention_schedule'])
  const form: Record<string, string> = { intent, reviewerId }
  for (const [key, s] of Object.entries(review.scores)) {
    form[`scores.${key}.likelihood`] = String(s.likelihood)
    form[`scores.${key}.impact`] = String(s.impact)
    form[`scores.${key}.rationale`] = `${marker} on ${key}`
    form[`scores.${key}.mitigations`] = s.mitigations
    form[`scores.${key}.residualLikelihood`] = String(s.residualLikelihood)
    form[`scores.${key}.residualImpact`] = String(s.residualImpact)
  }
  for (const [key, a] of Object.entries(review.privacy)) {
    form[`privacy.${key}.answer`] = a.answer
    form[`privacy.${key}.evidence`] = a.evidence
  }
  return form
}

const declare = (id: string, who: Person, conflict: 'yes' | 'no', reason = '') => post('screening', id, who, { intent: 'declare', conflict, reason })

async function storedReview(id: string, reviewerId: string) {
  const { db } = app().database
  const scores = await db.select().from(reviewScores).where(and(eq(reviewScores.proposalId, id), eq(reviewScores.reviewerId, reviewerId)))
  const privacy = await db.select().from(privacyAnswers).where(and(eq(privacyAnswers.proposalId, id), eq(privacyAnswers.reviewerId, reviewerId)))
  return { scores: scores.map(({ updatedAt: _u, ...s }) => s), privacy: privacy.map(({ updatedAt: _u, ...p }) => p) }
}

async function proposalRow(id: string) {
  const [row] = await app().database.db.select().from(proposals).where(eq(proposals.id, id))
  return row!
}

describe(`blind, independent screening (${databaseKind()})`, () => {
  it('shows no reviewer another’s scores until they have submitted their own', async () => {
    const { id, chief, reviewers } = await screeningCase()
    const [ann, bo] = reviewers as [Person, Person]
    expect(statusOfResult(await declare(id, ann, 'no'))).toBe(302)
    expect(statusOfResult(await declare(id, bo, 'no'))).toBe(302)
    expect(statusOfResult(await post('review', id, ann, reviewForm(ann.id, 'save', [2, 2, 1, 1], 'ANN-DRAFT')))).toBe(302)
    expect(statusOfResult(await post('review', id, bo, reviewForm(bo.id, 'submit', [5, 5, 4, 4], 'BO-SUBMITTED')))).toBe(302)

    // Ann has not submitted: neither page carries Bo's scores, nor any result.
    const annScreening = await screeningPage(id, ann)
    const annReview = await reviewPage(id, ann)
    expect(annScreening.result).toBeNull()
    expect(JSON.stringify([annScreening, annReview])).not.toContain('BO-SUBMITTED')
    expect(JSON.stringify(annReview)).toContain('ANN-DRAFT')
    // Bo has submitted, but drafts are private and results wait for the minimum.
    const boScreening = await screeningPage(id, bo)
    expect(boScreening.result).toBeNull()
    expect(JSON.stringify([boScreening, await reviewPage(id, bo)])).not.toContain('ANN-DRAFT')
    // Nor does the proposer see anything before the minimum have submitted.
    expect(JSON.stringify(await screeningPage(id, chief))).not.toMatch(/ANN-DRAFT|BO-SUBMITTED/)

    expect(statusOfResult(await post('review', id, ann, reviewForm(ann.id, 'submit', [2, 2, 1, 1], 'ANN-FINAL')))).toBe(302)
    const after = await screeningPage(id, ann)
    expect(JSON.stringify(after)).toContain('BO-SUBMITTED')
    expect(after.result!.criteria).toHaveLength(10)
    // 4 (low) against 25 (very high): disagreement on every criterion.
    expect(after.result!.criteria.every((c) => c.disagreement)).toBe(true)
    expect(after.result!.privacy.blockingIssues).toEqual([{ issue: 'Personal data has no retention and destruction schedule', override: null }])
    expect(after.canComplete).toBe(false)
    expect((await screeningPage(id, chief)).canComplete).toBe(true)
  })

  it('locks a submitted review', async () => {
    const { id, reviewers } = await screeningCase()
    const ann = reviewers[0]!
    await declare(id, ann, 'no')
    await post('review', id, ann, reviewForm(ann.id, 'submit', [3, 3, 2, 2], 'FIRST'))
    const before = await storedReview(id, ann.id)
    const again = await post('review', id, ann, reviewForm(ann.id, 'save', [1, 1, 1, 1], 'CHANGED'))
    expect(statusOfResult(again)).toBe(403)
    expect(await storedReview(id, ann.id)).toEqual(before)
    expect((await reviewPage(id, ann)).editable).toBe(false)
  })
})

describe(`declarations, recusal and the minimum (${databaseKind()})`, () => {
  it('recuses a conflicted reviewer with the reason, lets the proposer replace them, and completes only at the minimum', async () => {
    const { db, id, chief, reviewers } = await screeningCase(3)
    const [ann, bo, cy] = reviewers as [Person, Person, Person]
    // A recusal without a reason is refused next to the field, and nothing changes.
    const unexplained = await post('screening', id, bo, { intent: 'declare', conflict: 'yes', reason: '' })
    expect(statusOfResult(unexplained)).toBe(400)
    expect((unexplained as { data: { error: Record<string, string[]> } }).data.error.reason).toEqual(['Say what the conflict is'])
    expect((await proposalRow(id)).version).toBe(4)

    expect(statusOfResult(await declare(id, bo, 'yes', 'My partner works for Sopra Steria'))).toBe(302)
    const [row] = await db.select().from(screeningReviewers).where(and(eq(screeningReviewers.proposalId, id), eq(screeningReviewers.reviewerId, bo.id)))
    expect(row!.conflict).toBe(true)
    expect(row!.conflictReason).toBe('My partner works for Sopra Steria')
    // Recused: no scoring, no papers.
    expect(await statusOf(() => reviewPage(id, bo))).toBe(403)
    expect(statusOfResult(await post('review', id, bo, reviewForm(bo.id, 'save', [3, 3, 2, 2], 'RECUSED')))).toBe(403)
    expect((await storedReview(id, bo.id)).scores).toEqual([])

    await declare(id, ann, 'no')
    await post('review', id, ann, reviewForm(ann.id, 'submit', [3, 3, 2, 2], 'ANN'))
    // One of two submitted: screening cannot complete.
    const early = await post('screening', id, chief, { intent: 'complete', version: String((await proposalRow(id)).version) })
    expect(statusOfResult(early)).toBe(403)
    expect((await proposalRow(id)).stage).toBe('screening')

    const page = await screeningPage(id, chief)
    expect(page.candidates.map((c) => c.id)).toEqual([cy.id])
    expect(page.reviewers.find((r) => r.id === bo.id)).toMatchObject({ status: 'recused', conflictReason: 'My partner works for Sopra Steria' })
    // The recused reviewer cannot be brought back.
    const back = await post('screening', id, chief, { intent: 'assign', version: String(page.version), reviewerIds: [bo.id] })
    expect(statusOfResult(back)).toBe(403)
    expect(statusOfResult(await post('screening', id, chief, { intent: 'assign', version: String(page.version), reviewerIds: [cy.id] }))).toBe(302)

    await declare(id, cy, 'no')
    await post('review', id, cy, reviewForm(cy.id, 'submit', [4, 4, 2, 3], 'CY'))
    const done = await post('screening', id, chief, { intent: 'complete', version: String((await proposalRow(id)).version) })
    expect(statusOfResult(done)).toBe(302)
    expect((await proposalRow(id)).stage).toBe('consultation')

    const result = (await getScreeningResult(db, await proposalRow(id)))!
    expect(result.recusals).toEqual([{ reviewer: bo.name, reason: 'My partner works for Sopra Steria' }])
    expect(result.submittedReviews).toBe(2)
    expect(result.criteria[0]!.reviews.map((r) => r.reviewer).sort()).toEqual([ann.name, cy.name].sort())
  })
})

describe(`hostile input to screening (${databaseKind()})`, () => {
  it('refuses a review posted for another reviewer, changing neither review', async () => {
    const { id, reviewers } = await screeningCase()
    const [ann, bo] = reviewers as [Person, Person]
    await declare(id, ann, 'no')
    await declare(id, bo, 'no')
    await post('review', id, bo, reviewForm(bo.id, 'save', [2, 2, 1, 1], 'BO-OWN'))
    const [annBefore, boBefore, version] = [await storedReview(id, ann.id), await storedReview(id, bo.id), (await proposalRow(id)).version]
    const forged = await post('review', id, ann, reviewForm(bo.id, 'submit', [5, 5, 5, 5], 'FORGED'))
    expect(statusOfResult(forged)).toBe(403)
    expect((forged as { data: { error: Record<string, string[]> } }).data.error['']).toEqual(['You can record only your own review.'])
    expect(await storedReview(id, ann.id)).toEqual(annBefore)
    expect(await storedReview(id, bo.id)).toEqual(boBefore)
    expect((await proposalRow(id)).version).toBe(version)
  })

  it.each([
    ['a likelihood off the scale', { 'scores.privacy.likelihood': '7' }, 'scores.privacy.likelihood'],
    ['an impact that is not a number', { 'scores.privacy.impact': 'severe' }, 'scores.privacy.impact'],
    ['a script tag in a rationale', { 'scores.privacy.rationale': '<script>alert(1)</script>' }, 'scores.privacy.rationale'],
    ['an oversize rationale', { 'scores.privacy.rationale': 'x'.repeat(4001) }, 'scores.privacy.rationale'],
    ['an unknown privacy answer', { 'privacy.minors.answer': 'perhaps' }, 'privacy.minors.answer'],
    ['a missing rationale for a very high score', { 'scores.privacy.rationale': '' }, 'scores.privacy.rationale'],
    ['residual risk above the inherent', { 'scores.privacy.residualLikelihood': '5', 'scores.privacy.likelihood': '4' }, 'scores.privacy.residualLikelihood'],
    ['a reviewer id that is not an id', { reviewerId: 'everyone' }, 'reviewerId'],
  ])('refuses %s, next to the field, storing nothing', async (_, change, field) => {
    const { id, reviewers } = await screeningCase()
    const ann = reviewers[0]!
    await declare(id, ann, 'no')
    const version = (await proposalRow(id)).version
    const result = await post('review', id, ann, { ...reviewForm(ann.id, 'submit', [4, 4, 3, 3], 'HOSTILE'), ...change })
    expect(statusOfResult(result)).toBe(400)
    expect((result as { data: { error: Record<string, string[]> } }).data.error[field]?.length).toBeGreaterThan(0)
    expect(await storedReview(id, ann.id)).toEqual({ scores: [], privacy: [] })
    expect((await proposalRow(id)).version).toBe(version)
  })

  it('refuses reviews, declarations and proposer actions from people without the part', async () => {
    const { id, chief, reviewers, staff } = await screeningCase(3)
    const outsider = reviewers[2]! // a reviewer of the service, not assigned to this proposal
    const version = (await proposalRow(id)).version
    expect(statusOfResult(await post('review', id, staff, reviewForm(staff.id, 'save', [3, 3, 2, 2], 'STAFF')))).toBe(403)
    expect(statusOfResult(await post('review', id, outsider, reviewForm(outsider.id, 'save', [3, 3, 2, 2], 'OUTSIDER')))).toBe(403)
    expect(statusOfResult(await declare(id, outsider, 'no'))).toBe(403)
    expect(statusOfResult(await declare(id, chief, 'no'))).toBe(403)
    expect(statusOfResult(await post('screening', id, staff, { intent: 'complete', version: String(version) }))).toBe(403)
    expect(statusOfResult(await post('screening', id, reviewers[0]!, { intent: 'assign', version: String(version), reviewerIds: [outsider.id] }))).toBe(403)
    expect(statusOfResult(await post('screening', id, chief, { intent: 'assign', version: 'latest', reviewerIds: [outsider.id] }))).toBe(400)
    expect(statusOfResult(await post('screening', id, chief, { intent: 'assign', version: String(version), reviewerIds: [staff.id] }))).toBe(400)
    expect(statusOfResult(await post('screening', id, chief, { intent: 'launch' }))).toBe(400)
    expect(statusOfResult(await post('screening', id, reviewers[0]!, { intent: 'declare', conflict: 'maybe' }))).toBe(400)
    expect(statusOfResult(await declare(id, reviewers[0]!, 'yes', '<script>alert(1)</script>'))).toBe(400)
    expect(statusOfResult(await declare(id, reviewers[0]!, 'yes', 'x'.repeat(2001)))).toBe(400)
    const stranger = await createUser(app().database.db, (await createOrganisation(app().database.db)).id, ['reviewer'])
    expect(statusOfResult(await declare(id, stranger, 'no'))).toBe(404)
    expect((await proposalRow(id)).version).toBe(version)
  })
})
