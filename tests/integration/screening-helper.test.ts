import { describe, expect, it } from 'vitest'
import { createOrganisation, createProposal, createUser } from '#tests/support/factories'
import { completeScreening } from '#tests/support/screening'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { getProposalSummary } from '~/workflow/intake/intake.server'

const app = setupTestApp()

describe(`the screening scenario helper (${databaseKind()})`, () => {
  it('takes a draft through screening into consultation, with a result the record can print', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const proposer = await createUser(db, org.id, ['chief_librarian'])
    const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
    const draft = await createProposal(db, org.id, proposer.id)
    const done = await completeScreening(db, { proposal: draft, proposer, reviewers, ratings: [[4, 4, 2, 2], [1, 2, 1, 1]] })
    expect(done.stage).toBe('consultation')
    const result = (await getScreeningResult(db, done))!
    expect(result.rubricVersion).toBe(1)
    expect(result.submittedReviews).toBe(2)
    expect(result.criteria).toHaveLength(10)
    expect(result.criteria.every((c) => c.disagreement)).toBe(true)
    expect(result.criteria[0]!.reviews.map((r) => r.reviewer).sort()).toEqual(reviewers.map((r) => r.name).sort())
    const summary = await getProposalSummary(db, done)
    expect(summary.sites).toEqual(['Central Library', 'Northgate', 'Harbourside'])
    expect(summary.vulnerableGroups).toEqual(['Migrants, refugees and asylum seekers'])
  })
})
