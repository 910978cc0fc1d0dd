import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachments } from '#db/schema'
import { verifyDatabase } from '~/cli/verify.server'
import { loader as attachmentLoader } from '~/routes/proposals.$id.attachments.$attachmentId'
import { action as editAction } from '~/routes/proposals.$id.edit'
import { parseConfig } from '~/utils/config.server'
import { configureFileStorage, ContentMismatchError, fileStore } from '~/utils/storage/index.server'
import { actorFor } from '~/workflow/actor.server'
import { addIntakeAttachment, removeIntakeAttachment } from '~/workflow/intake/intake.server'
import { pdfBytes } from '#tests/support/documents'
import { createOrganisation, createProposal, createUser, makeRequest, sessionCookieFor } from '#tests/support/factories'
import { answerOf, routeRequest } from '#tests/support/route-requests'
import { startS3, type TestS3 } from '#tests/support/s3-server'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

// The optional object-store transport, against a real S3-compatible server
// (s3rver) on 127.0.0.1: what goes in comes back, through the same interface
// and the same pages as the database transport.

const app = setupTestApp()
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')
let s3: TestS3

beforeAll(async () => {
  s3 = await startS3()
  configureFileStorage(parseConfig({ NODE_ENV: 'test', ...s3.env }))
})
afterAll(async () => {
  configureFileStorage(parseConfig({ NODE_ENV: 'test' }))
  await s3?.close()
})

/** Pieces of uneven sizes, as a socket or file stream delivers them. */
async function* unevenly(bytes: Buffer) {
  for (let at = 0, n = 1; at < bytes.length; at += n, n = (n * 7 + 13) % 300_000) yield bytes.subarray(at, at + n)
}

/** Where s3rver keeps an object's bytes (its on-disk layout: bucket/key/key._S3rver_object). */
function objectFile(key: string) {
  return path.join(s3.directory, 'probity-files', `${key}._S3rver_object`)
}

describe(`the S3 transport (${databaseKind()}, s3rver)`, () => {
  it('stores a file of several parts from a stream, in the bucket and not in the database, and gives back the same bytes', async () => {
    const { db } = app().database
    // Over 5 MiB: a multipart upload of two parts.
    const bytes = crypto.randomBytes(6 * 1024 * 1024 + 17)
    const store = fileStore(db)
    expect(await store.put(sha(bytes), unevenly(bytes))).toBe(true)
    expect(await store.put(sha(bytes), bytes)).toBe(false)
    expect(fs.readFileSync(objectFile(sha(bytes))).equals(bytes)).toBe(true)
    const chunks = await db.execute(sql`select count(*)::int as n from file_chunks where sha256 = ${sha(bytes)}`)
    expect(JSON.stringify(chunks)).toContain('"n":0')
    expect((await store.get(sha(bytes)))!.equals(bytes)).toBe(true)
    expect((await store.stream(sha(bytes)))!.byteSize).toBe(bytes.length)
    expect(await store.exists('0'.repeat(64))).toBe(false)
  })

  it('refuses content that is not what its key names, keeping neither its row nor its object', async () => {
    const { db } = app().database
    const key = sha(Buffer.from('what was promised'))
    await expect(fileStore(db).put(key, Buffer.from('something else'))).rejects.toBeInstanceOf(ContentMismatchError)
    expect(await fileStore(db).exists(key)).toBe(false)
    expect(fs.existsSync(objectFile(key))).toBe(false)
  })

  it('takes an attachment through the edit page and serves it back; verify reads it from the bucket and notices when it changes', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const proposal = await createProposal(db, org.id, chief.id)
    const cookie = await sessionCookieFor(db, chief.id)
    const bytes = pdfBytes(`a paper kept in a bucket ${crypto.randomUUID()}`)
    const file = new File([new Uint8Array(bytes)], 'paper.pdf', { type: 'application/pdf' })
    const request = routeRequest(`/proposals/${proposal.id}/edit`, { cookie, body: { file } })
    const answer = await answerOf(() => editAction({ request, params: { id: proposal.id }, context: {} }))
    expect(answer).toMatchObject({ kind: 'answer' })
    expect((answer as { status: number }).status).toBeLessThan(400)
    const [row] = await db.select().from(attachments).where(eq(attachments.proposalId, proposal.id))
    expect(row!.sha256).toBe(sha(bytes))
    expect(fs.existsSync(objectFile(row!.sha256))).toBe(true)

    const response = (await attachmentLoader({
      request: makeRequest(`/proposals/${proposal.id}/attachments/${row!.id}`, { cookie }),
      params: { id: proposal.id, attachmentId: row!.id },
      context: {},
    })) as Response
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true)

    expect((await verifyDatabase(db)).ok).toBe(true)
    fs.writeFileSync(objectFile(row!.sha256), pdfBytes('changed in the bucket'))
    const after = await verifyDatabase(db)
    expect(after.ok).toBe(false)
    expect(after.lines.join('\n')).toContain(`CHANGED stored file ${row!.sha256}`)
    fs.rmSync(objectFile(row!.sha256))
    const gone = await verifyDatabase(db)
    expect(gone.ok).toBe(false)
    expect(gone.lines.join('\n')).toContain(`CHANGED stored file ${row!.sha256}: Stored file ${row!.sha256} could not be read from the bucket`)
  })

  it('lets go of the object when the last attachment naming it is removed, and keeps it while another still does', async () => {
    const { db } = app().database
    const org = await createOrganisation(db)
    const chief = await createUser(db, org.id, ['chief_librarian'])
    const first = await createProposal(db, org.id, chief.id)
    const second = await createProposal(db, org.id, chief.id)
    const bytes = pdfBytes(`one paper on two proposals ${crypto.randomUUID()}`)
    const target = (proposalId: string) => ({ actor: actorFor(chief), organisationId: org.id, proposalId })
    for (const p of [first, second]) {
      expect((await addIntakeAttachment(db, { ...target(p.id), filename: 'paper.pdf', bytes })).ok).toBe(true)
    }
    const rowOf = async (proposalId: string) => (await db.select().from(attachments).where(eq(attachments.proposalId, proposalId)))[0]!

    expect((await removeIntakeAttachment(db, { ...target(first.id), attachmentId: (await rowOf(first.id)).id })).ok).toBe(true)
    expect(fs.existsSync(objectFile(sha(bytes)))).toBe(true)
    expect((await fileStore(db).get(sha(bytes)))!.equals(bytes)).toBe(true)

    expect((await removeIntakeAttachment(db, { ...target(second.id), attachmentId: (await rowOf(second.id)).id })).ok).toBe(true)
    expect(await fileStore(db).exists(sha(bytes))).toBe(false)
    expect(fs.existsSync(objectFile(sha(bytes)))).toBe(false)
  })
})
