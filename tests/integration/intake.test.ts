import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { attachments, auditEntries, proposalIntakes, proposals, screenings } from '#db/schema'
import { loader as attachmentLoader } from '~/routes/proposals.$id.attachments.$attachmentId'
import { action as editAction, loader as editLoader } from '~/routes/proposals.$id.edit'
import { loader as overviewLoader } from '~/routes/proposals.$id._index'
import { action as newAction } from '~/routes/proposals.new'
import { fileStore } from '~/utils/storage/index.server'
import { MAX_ATTACHMENT_BYTES } from '~/utils/document-type'
import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { docxBytes, odtBytes, pdfBytes } from '#tests/support/documents'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor, statusOf } from '#tests/support/factories'
import { submitProposal, visaIntake } from '#tests/support/screening'
import { storedFileKeys } from '#tests/support/stored-files'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

/** The fields as the browser posts them. */
function formOf(v: IntakeValues, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no')
  return {
    title: v.title,
    partner: v.partner,
    contractor: v.contractor ?? '',
    description: v.description ?? '',
    service: v.service ?? '',
    deliveredBy: v.deliveredBy ?? '',
    deliveryNotes: v.deliveryNotes ?? '',
    sites: (v.sites ?? []).join('\n'),
    startDate: v.startDate ?? '',
    endDate: v.endDate ?? '',
    renewalTerms: v.renewalTerms ?? '',
    income: v.income ?? '',
    costs: v.costs ?? '',
    purpose: v.purpose ?? '',
    personalData: yesNo(v.personalData),
    dataCategories: v.dataCategories ?? [],
    sharedWithPartner: yesNo(v.sharedWithPartner),
    sharedWithGovernment: yesNo(v.sharedWithGovernment),
    sharingDetails: v.sharingDetails ?? '',
    retention: v.retention ?? '',
    processedWhere: v.processedWhere ?? '',
    userGroups: (v.userGroups ?? []).join('\n'),
    vulnerableGroups: v.vulnerableGroups ?? [],
    priorEngagement: yesNo(v.priorEngagement),
    reviewerIds: v.reviewerIds ?? [],
    ...extra,
  }
}

async function setting() {
  const { db } = app().database
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian'])
  const reviewers = [await createUser(db, org.id, ['reviewer']), await createUser(db, org.id, ['reviewer'])]
  const staff = await createUser(db, org.id, ['staff'])
  return { db, org, chief, reviewers, staff, cookie: await sessionCookieFor(db, chief.id) }
}

async function snapshotOf(proposalId: string) {
  const { db } = app().database
  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposalId))
  const intake = await db.select().from(proposalIntakes).where(eq(proposalIntakes.proposalId, proposalId))
  const audit = await db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.proposalId, proposalId))
  const files = await db.select().from(attachments).where(eq(attachments.proposalId, proposalId))
  return { row, intake, audit: audit[0]!.n, files }
}

const edit = (id: string, cookie: string, form: Record<string, string | string[]>) =>
  editAction({ request: makeRequest(`/proposals/${id}/edit`, { cookie, form }), params: { id }, context: {} })

const thrownOrReturned = async (run: () => Promise<unknown>) => {
  try {
    return await run()
  } catch (thrown) {
    return thrown
  }
}

function upload(id: string, cookie: string, bytes: Buffer, filename: string, type = 'application/pdf') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  const request = new Request(`http://localhost:3000/proposals/${id}/edit`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: 'http://localhost:3000' },
    body: form,
  })
  return thrownOrReturned(() => editAction({ request, params: { id }, context: {} }))
}

describe(`proposal intake (${databaseKind()})`, () => {
  it('saves a new draft with every field, and records it in the history', async () => {
    const { org, reviewers, cookie } = await setting()
    const values = visaIntake(reviewers.map((r) => r.id))
    const response = (await thrownOrReturned(() =>
      newAction({ request: makeRequest('/proposals/new', { cookie, form: formOf(values, { intent: 'save' }) }), params: {}, context: {} }),
    )) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/')[2]!
    const saved = await snapshotOf(id)
    expect(saved.row!.organisationId).toBe(org.id)
    expect(saved.row!.reference).toMatch(/^P-\d{4}-\d{3}$/)
    expect(saved.row!.contractor).toBe('Sopra Steria')
    expect(saved.intake[0]!.sites).toEqual(['Central Library', 'Northgate', 'Harbourside'])
    expect(saved.intake[0]!.sharedWithGovernment).toBe(true)
    expect(saved.intake[0]!.reviewerIds).toEqual(reviewers.map((r) => r.id))
    expect(saved.audit).toBe(1)
    const page = (await editLoader({ request: makeRequest(`/proposals/${id}/edit`, { cookie }), params: { id }, context: {} })) as {
      defaultValue: Record<string, unknown>
    }
    expect(page.defaultValue.sites).toBe('Central Library\nNorthgate\nHarbourside')
    expect(page.defaultValue.personalData).toBe('yes')
  })

  it.each([
    ['no title', { title: '' }, 'title'],
    ['a script tag', { description: 'Fine <script>alert(1)</script>' }, 'description'],
    ['an image tag', { title: '<img src=x onerror=alert(1)>' }, 'title'],
    ['oversize text', { purpose: 'x'.repeat(4001) }, 'purpose'],
    ['an unknown delivery', { deliveredBy: 'robots' }, 'deliveredBy'],
    ['a date that is not one', { startDate: 'next Tuesday' }, 'startDate'],
    ['a yes/no that is neither', { personalData: 'maybe' }, 'personalData'],
    ['an unknown data category', { dataCategories: ['Shoe size'] }, 'dataCategories'],
    ['a reviewer id that is not an id', { reviewerIds: ['1 OR 1=1'] }, 'reviewerIds'],
    ['an end before the start', { startDate: '2026-09-01', endDate: '2026-01-01' }, 'endDate'],
  ])('refuses a new proposal with %s, next to the field, creating nothing', async (_, change, field) => {
    const { db, org, reviewers, cookie } = await setting()
    const before = await db.select({ n: count() }).from(proposals).where(eq(proposals.organisationId, org.id))
    const result = (await newAction({
      request: makeRequest('/proposals/new', { cookie, form: formOf(visaIntake(reviewers.map((r) => r.id)), { intent: 'save', ...change }) }),
      params: {},
      context: {},
    })) as { init: { status: number }; data: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
    expect(result.init.status).toBe(400)
    expect(result.data.error[field]?.length).toBeGreaterThan(0)
    // Nothing typed is lost: the form comes back with what was sent.
    expect(result.data.initialValue.partner).toBe('UK Visas and Immigration (Home Office)')
    const after = await db.select({ n: count() }).from(proposals).where(eq(proposals.organisationId, org.id))
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('refuses a reviewer who is not eligible: a staff member, the proposer, or someone of another service', async () => {
    const { db, chief, staff, reviewers, cookie } = await setting()
    const other = await createOrganisation(db)
    const foreign = await createUser(db, other.id, ['reviewer'])
    for (const id of [staff.id, chief.id, foreign.id]) {
      const result = (await newAction({
        request: makeRequest('/proposals/new', { cookie, form: formOf(visaIntake([reviewers[0]!.id, id]), { intent: 'save' }) }),
        params: {},
        context: {},
      })) as { init: { status: number }; data: { error: Record<string, string[]> } }
      expect(result.init.status).toBe(400)
      expect(result.data.error.reviewerIds).toEqual(['Choose reviewers from the list'])
    }
  })

  it('lets only a chief librarian propose', async () => {
    const { db, reviewers } = await setting()
    const cookie = await sessionCookieFor(db, reviewers[0]!.id)
    const status = await statusOf(() =>
      newAction({ request: makeRequest('/proposals/new', { cookie, form: formOf(visaIntake([]), { intent: 'save' }) }), params: {}, context: {} }),
    )
    expect(status).toBe(403)
  })

  it('refuses to submit an incomplete proposal, saying what is missing, and changes nothing', async () => {
    const { db, org, chief, reviewers, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    const before = await snapshotOf(proposal.id)
    const incomplete = { ...visaIntake([reviewers[0]!.id]), sites: [], purpose: undefined }
    const result = (await edit(proposal.id, cookie, formOf(incomplete, { intent: 'submit', version: '1' }))) as {
      init: { status: number }
      data: { kind: string; result: { error: Record<string, string[]> } }
    }
    expect(result.init.status).toBe(400)
    expect(result.data.result.error).toMatchObject({
      sites: ['List at least one site'],
      purpose: ['Say why the service wants this partnership'],
      reviewerIds: ['Choose at least 2 reviewers'],
    })
    expect(await snapshotOf(proposal.id)).toEqual(before)
  })

  it('submits a complete proposal into screening with the rubric version in force', async () => {
    const { db, org, chief, reviewers, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    const response = (await thrownOrReturned(() =>
      edit(proposal.id, cookie, formOf(visaIntake(reviewers.map((r) => r.id)), { intent: 'submit', version: '1' })),
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/proposals/${proposal.id}/screening`)
    const after = await snapshotOf(proposal.id)
    expect(after.row!.stage).toBe('screening')
    // Saved, reviewers assigned, submitted: three events after creation.
    expect(after.audit).toBe(4)
    const [screening] = await db.select().from(screenings).where(eq(screenings.proposalId, proposal.id))
    expect(screening!.round).toBe(0)
    // The draft can no longer be edited.
    expect(await statusOf(() => editLoader({ request: makeRequest(`/proposals/${proposal.id}/edit`, { cookie }), params: { id: proposal.id }, context: {} }))).toBe(403)
  })

  it('answers a stale form with a conflict and keeps the newer draft', async () => {
    const { db, org, chief, reviewers, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    const values = visaIntake(reviewers.map((r) => r.id))
    await thrownOrReturned(() => edit(proposal.id, cookie, formOf({ ...values, title: 'First' }, { intent: 'save', version: '1' })))
    const stale = (await edit(proposal.id, cookie, formOf({ ...values, title: 'Second' }, { intent: 'save', version: '1' }))) as {
      init: { status: number }
      data: { result: { error: Record<string, string[]> } }
    }
    expect(stale.init.status).toBe(409)
    expect(stale.data.result.error['']![0]).toMatch(/changed by someone else/)
    expect((await snapshotOf(proposal.id)).row!.title).toBe('First')
  })

  it('lets nobody but the proposer edit, and hides other services’ drafts', async () => {
    const { db, org, chief, reviewers } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    const otherChief = await createUser(db, org.id, ['chief_librarian'])
    const form = formOf(visaIntake(reviewers.map((r) => r.id)), { intent: 'save', version: '1' })
    expect(await statusOf(() => edit(proposal.id, '', form))).toBe(302)
    const colleague = await sessionCookieFor(db, otherChief.id)
    expect(await statusOf(() => edit(proposal.id, colleague, form))).toBe(403)
    const stranger = await createUser(db, (await createOrganisation(db)).id, ['chief_librarian'])
    const strangerCookie = await sessionCookieFor(db, stranger.id)
    expect(await statusOf(() => edit(proposal.id, strangerCookie, form))).toBe(404)
    expect((await snapshotOf(proposal.id)).row!.version).toBe(1)
  })
})

describe(`attachments (${databaseKind()})`, () => {
  it('stores a PDF, a Word and an OpenDocument file by content hash, and serves them back', async () => {
    const { db, org, chief, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    for (const [bytes, name] of [
      [pdfBytes(), 'Draft contract.pdf'],
      [docxBytes(), 'Heads of terms.docx'],
      [odtBytes(), 'Risk note.odt'],
    ] as const) {
      expect(await statusOf(() => upload(proposal.id, cookie, bytes, name))).toBe(200)
    }
    const { files } = await snapshotOf(proposal.id)
    expect(files.map((f) => f.filename).sort()).toEqual(['Draft contract.pdf', 'Heads of terms.docx', 'Risk note.odt'])
    const pdf = files.find((f) => f.filename === 'Draft contract.pdf')!
    expect(pdf.mediaType).toBe('application/pdf')
    expect(await fileStore(db).get(pdf.sha256)).toEqual(pdfBytes())
    const response = (await attachmentLoader({
      request: makeRequest(`/proposals/${proposal.id}/attachments/${pdf.id}`, { cookie }),
      params: { id: proposal.id, attachmentId: pdf.id },
      context: {},
    })) as Response
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toContain('attachment;')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfBytes())
  })

  it.each([
    ['an HTML page named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'contract.pdf', 400],
    ['a PDF signature with no PDF behind it', Buffer.from('%PDF-1.7\n<script>alert(1)</script>'), 'contract.pdf', 400],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 400],
    ['a file over the size limit', Buffer.concat([pdfBytes(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]), 'big.pdf', 413],
  ])('refuses %s, leaving no row and no file', async (_, bytes, name, status) => {
    const { db, org, chief, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    const before = await snapshotOf(proposal.id)
    const filesBefore = await storedFileKeys(db)
    const result = (await upload(proposal.id, cookie, bytes, name)) as { init: { status: number }; data: { error: string } }
    expect(result.init.status).toBe(status)
    expect(result.data.error).toMatch(/Attach|Choose a file/)
    expect(await snapshotOf(proposal.id)).toEqual(before)
    expect(await storedFileKeys(db)).toEqual(filesBefore)
  })

  it('refuses the same file twice and removes the file with its last row', async () => {
    const { db, org, chief, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id)
    await upload(proposal.id, cookie, pdfBytes('unique'), 'a.pdf')
    const again = (await upload(proposal.id, cookie, pdfBytes('unique'), 'b.pdf')) as { init: { status: number } }
    expect(again.init.status).toBe(400)
    const [file] = (await snapshotOf(proposal.id)).files
    expect(await fileStore(db).exists(file!.sha256)).toBe(true)
    const removed = await thrownOrReturned(() => edit(proposal.id, cookie, { intent: 'detach', attachmentId: file!.id }))
    expect(await statusOf(async () => removed)).toBe(200)
    expect((await snapshotOf(proposal.id)).files).toEqual([])
    expect(await fileStore(db).exists(file!.sha256)).toBe(false)
  })

  it('refuses to remove an attachment that is not this proposal’s, changing nothing', async () => {
    const { db, org, chief, cookie } = await setting()
    const mine = await createProposal(db, org.id, chief.id)
    const theirs = await createProposal(db, org.id, chief.id)
    await upload(theirs.id, cookie, pdfBytes('theirs'), 'theirs.pdf')
    const [file] = (await snapshotOf(theirs.id)).files
    const [mineBefore, theirsBefore] = [await snapshotOf(mine.id), await snapshotOf(theirs.id)]
    for (const attachmentId of [file!.id, 'not-an-id', '']) {
      const result = (await edit(mine.id, cookie, { intent: 'detach', attachmentId })) as { init: { status: number }; data: { error: string } }
      expect(result.init.status).toBe(400)
      expect(result.data.error).toBe('That attachment is not part of this proposal’s papers')
    }
    expect(await snapshotOf(mine.id)).toEqual(mineBefore)
    expect(await snapshotOf(theirs.id)).toEqual(theirsBefore)
  })

  it('shows a reviewer the papers only once they have declared no conflict', async () => {
    const { db, org, chief, reviewers, cookie } = await setting()
    const proposal = await createProposal(db, org.id, chief.id, { description: 'Secret until declared' })
    await upload(proposal.id, cookie, pdfBytes('papers'), 'papers.pdf')
    await submitProposal(db, { proposal, proposer: chief, reviewers })
    const [file] = (await snapshotOf(proposal.id)).files
    const reviewerCookie = await sessionCookieFor(db, reviewers[0]!.id)
    const download = () =>
      attachmentLoader({
        request: makeRequest(`/proposals/${proposal.id}/attachments/${file!.id}`, { cookie: reviewerCookie }),
        params: { id: proposal.id, attachmentId: file!.id },
        context: {},
      })
    expect(await statusOf(download)).toBe(404)
    const overview = await overviewLoader({ request: makeRequest(`/proposals/${proposal.id}`, { cookie: reviewerCookie }), params: { id: proposal.id }, context: {} })
    expect(JSON.stringify(overview)).not.toContain('Host biometric enrolment')
    expect(overview.papers).toBeNull()
  })
})
