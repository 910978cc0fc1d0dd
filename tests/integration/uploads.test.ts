import fs from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { attachments, auditEntries, proposals } from '#db/schema'
import { loader as attachmentLoader } from '~/routes/proposals.$id.attachments.$attachmentId'
import { action as professionalBodyAction } from '~/routes/proposals.$id.consultation.professional-body'
import { action as editAction } from '~/routes/proposals.$id.edit'
import { serviceDate } from '~/utils/calendar'
import { enterConsultation } from '#tests/support/consultation'
import { pdfBytes } from '#tests/support/documents'
import {
  createOrganisation,
  createProposal,
  createUser,
  makeRequest,
  sessionCookieFor,
} from '#tests/support/factories'
import { answerOf, routeRequest } from '#tests/support/route-requests'
import { refuseFileWrites, storedFileKeys } from '#tests/support/stored-files'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// What tests/integration/intake.test.ts leaves out: file names that try to be
// paths, and a database that cannot take the file (the disk full, a
// broken volume). Content types and size limits are tested there.

const app = setupTestApp()

async function draft() {
  const { db } = app().database
  const org = await createOrganisation(db)
  const chief = await createUser(db, org.id, ['chief_librarian'])
  const proposal = await createProposal(db, org.id, chief.id)
  return { db, org, chief, proposal, cookie: await sessionCookieFor(db, chief.id) }
}

function upload(proposalId: string, cookie: string, filename: string, bytes = pdfBytes(filename)) {
  const file = new File([new Uint8Array(bytes)], filename, { type: 'application/pdf' })
  const request = routeRequest(`/proposals/${proposalId}/edit`, { cookie, body: { file } })
  return answerOf(() => editAction({ request, params: { id: proposalId }, context: {} }))
}

async function stateOf(proposalId: string) {
  const { db } = app().database
  const [row] = await db
    .select({ version: proposals.version })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
  const [entries] = await db
    .select({ n: count() })
    .from(auditEntries)
    .where(eq(auditEntries.proposalId, proposalId))
  const files = await db.select().from(attachments).where(eq(attachments.proposalId, proposalId))
  return { version: row!.version, entries: entries!.n, files }
}

describe(`file names are never paths (${databaseKind()})`, () => {
  it.each([
    ['../../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\windows\\system.ini.pdf', 'system.ini.pdf'],
    ['/etc/cron.d/evil.pdf', 'evil.pdf'],
    ['notes\u0000.pdf', 'notes.pdf'],
    ['<script>alert(1)</script>.pdf', 'script.pdf'],
    ['a "quoted" name.pdf', 'a %22quoted%22 name.pdf'],
  ])('stores %j by its content hash only, and names it %j', async (filename, shown) => {
    const { db, proposal, cookie } = await draft()
    const before = fs.readdirSync(app().config.dataDir, { recursive: true })
    const filesBefore = await storedFileKeys(db)
    expect(await upload(proposal.id, cookie, filename)).toMatchObject({ status: 200 })
    const [file] = (await stateOf(proposal.id)).files
    expect(file!.filename).toBe(shown)
    // One new stored file, named by its hash alone; nothing written to the file system.
    expect(await storedFileKeys(db)).toEqual([...filesBefore, file!.sha256].sort())
    expect(fs.readdirSync(app().config.dataDir, { recursive: true })).toEqual(before)
    const response = (await attachmentLoader({
      request: makeRequest(`/proposals/${proposal.id}/attachments/${file!.id}`, { cookie }),
      params: { id: proposal.id, attachmentId: file!.id },
      context: {},
    })) as Response
    const disposition = response.headers.get('Content-Disposition')!
    // The header holds one quoted ASCII name (no quote, control character or line break of the sender's) and its UTF-8 form.
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x21\x23-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]*$/,
    )
  })

  it('serves a stored file only under its own proposal, whatever the address asks for', async () => {
    const a = await draft()
    const b = await draft()
    await upload(a.proposal.id, a.cookie, 'a.pdf')
    const [file] = (await stateOf(a.proposal.id)).files
    for (const attachmentId of ['../../../etc/passwd', `${file!.id}/../..`, file!.sha256]) {
      const answer = await answerOf(() =>
        attachmentLoader({
          request: makeRequest(`/proposals/${a.proposal.id}/attachments/x`, { cookie: a.cookie }),
          params: { id: a.proposal.id, attachmentId },
          context: {},
        }),
      )
      expect(answer).toMatchObject({ status: 404 })
    }
    // Another service's chief librarian, with the right ids, finds nothing.
    const answer = await answerOf(() =>
      attachmentLoader({
        request: makeRequest(`/proposals/${a.proposal.id}/attachments/${file!.id}`, {
          cookie: b.cookie,
        }),
        params: { id: a.proposal.id, attachmentId: file!.id },
        context: {},
      }),
    )
    expect(answer).toMatchObject({ status: 404 })
  })
})

describe(`a database that cannot take the file (${databaseKind()})`, () => {
  it('refuses an intake paper with a clear 503, and leaves no row, no entry and no file', async () => {
    const { db, proposal, cookie } = await draft()
    const before = await stateOf(proposal.id)
    const filesBefore = await storedFileKeys(db)
    const unblock = await refuseFileWrites(db)
    const answer = await upload(proposal.id, cookie, 'contract.pdf')
    await unblock()
    expect(answer).toMatchObject({ kind: 'answer', status: 503 })
    expect(JSON.stringify(answer)).toMatch(/could not be stored, so nothing was attached/)
    expect(await stateOf(proposal.id)).toEqual(before)
    expect(await storedFileKeys(db)).toEqual(filesBefore)
    // Once the database takes files again, the same file goes in.
    expect(await upload(proposal.id, cookie, 'contract.pdf')).toMatchObject({ status: 200 })
    expect((await stateOf(proposal.id)).files).toHaveLength(1)
  })

  it('refuses the professional body’s papers the same way, and records nothing of the request', async () => {
    const { db, org, chief, proposal, cookie } = await draft()
    const reviewers = [
      await createUser(db, org.id, ['reviewer']),
      await createUser(db, org.id, ['reviewer']),
    ]
    await enterConsultation(db, { proposal, proposer: chief, reviewers })
    const before = await stateOf(proposal.id)
    const today = serviceDate(new Date())
    const post = () =>
      answerOf(() =>
        professionalBodyAction({
          request: routeRequest(`/proposals/${proposal.id}/consultation/professional-body`, {
            cookie,
            body: {
              intent: 'pb.request',
              version: String(before.version),
              sentOn: today,
              contact: 'Policy team',
              shared: 'The proposal',
              deadline: '2099-01-01',
              papers: [
                new File([new Uint8Array(pdfBytes('one'))], 'one.pdf'),
                new File([new Uint8Array(pdfBytes('two'))], 'two.pdf'),
              ],
            },
          }),
          params: { id: proposal.id },
          context: {},
        }),
      )
    const filesBefore = await storedFileKeys(db)
    const unblock = await refuseFileWrites(db)
    const refused = await post()
    await unblock()
    expect(refused).toMatchObject({ kind: 'answer', status: 503 })
    expect(JSON.stringify(refused)).toMatch(/could not be stored/)
    expect(await stateOf(proposal.id)).toEqual(before)
    expect(await storedFileKeys(db)).toEqual(filesBefore)
    expect(await post()).toMatchObject({ status: 302 })
    expect((await stateOf(proposal.id)).files).toHaveLength(2)
  })
})
