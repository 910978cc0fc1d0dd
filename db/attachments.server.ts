import { and, asc, eq } from 'drizzle-orm'
import { type Queryable } from './client.server'
import { attachments, type Attachment } from './schema/index'

export type NewAttachment = Omit<Attachment, 'id' | 'createdAt'>

/** Undefined when the same content is already attached to the proposal for this purpose. */
export async function insertAttachment(db: Queryable, values: NewAttachment): Promise<Attachment | undefined> {
  const [row] = await db.insert(attachments).values(values).onConflictDoNothing().returning()
  return row
}

export function listAttachments(db: Queryable, proposalId: string, purpose?: string) {
  return db.query.attachments.findMany({
    where: purpose ? and(eq(attachments.proposalId, proposalId), eq(attachments.purpose, purpose)) : eq(attachments.proposalId, proposalId),
    orderBy: [asc(attachments.createdAt)],
  })
}

export function findAttachment(db: Queryable, organisationId: string, proposalId: string, attachmentId: string) {
  return db.query.attachments.findFirst({
    where: and(
      eq(attachments.id, attachmentId),
      eq(attachments.proposalId, proposalId),
      eq(attachments.organisationId, organisationId),
    ),
  })
}

export async function deleteAttachment(db: Queryable, proposalId: string, attachmentId: string) {
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.proposalId, proposalId)))
    .returning()
  return row
}
