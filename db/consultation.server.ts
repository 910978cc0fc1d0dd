import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { type Queryable } from './client.server'
import {
  concernEndorsements,
  heldContributions,
  professionalBodyConsultations,
  professionalBodyRecommendations,
  proposals,
  staffConcerns,
  staffConsultations,
  unionConsultations,
  users,
} from './schema/index'
import { type ConcernCategory } from '#machines/vocabulary/consultation'

type Round = { proposalId: string; round: number }

// Professional body -----------------------------------------------------------

export async function insertProfessionalBodyRequest(
  db: Queryable,
  values: Round & {
    bodyName: string
    sentOn: string
    contact: string
    shared: string
    deadline: string
    requestedBy: string
    requestedAt: Date
  },
) {
  const [row] = await db.insert(professionalBodyConsultations).values(values).returning()
  return row!
}

export function findProfessionalBodyConsultation(db: Queryable, { proposalId, round }: Round) {
  return db.query.professionalBodyConsultations.findFirst({
    where: and(
      eq(professionalBodyConsultations.proposalId, proposalId),
      eq(professionalBodyConsultations.round, round),
    ),
  })
}

export function listRecommendations(db: Queryable, consultationId: string) {
  return db
    .select()
    .from(professionalBodyRecommendations)
    .where(eq(professionalBodyRecommendations.consultationId, consultationId))
    .orderBy(asc(professionalBodyRecommendations.position))
}

/** Records the response and its recommendations; false when there is no open request to answer. */
export async function recordProfessionalBodyResponse(
  db: Queryable,
  key: Round,
  values: { receivedOn: string; summary: string; respondedBy: string; respondedAt: Date },
  recommendations: { id: string; text: string }[],
) {
  const [row] = await db
    .update(professionalBodyConsultations)
    .set({
      receivedOn: values.receivedOn,
      responseSummary: values.summary,
      respondedBy: values.respondedBy,
      respondedAt: values.respondedAt,
    })
    .where(
      and(
        eq(professionalBodyConsultations.proposalId, key.proposalId),
        eq(professionalBodyConsultations.round, key.round),
        isNull(professionalBodyConsultations.respondedAt),
        isNull(professionalBodyConsultations.closedAt),
      ),
    )
    .returning({ id: professionalBodyConsultations.id })
  if (!row) return false
  if (recommendations.length > 0) {
    await db
      .insert(professionalBodyRecommendations)
      .values(
        recommendations.map((r, i) => ({
          id: r.id,
          consultationId: row.id,
          position: i + 1,
          text: r.text,
        })),
      )
  }
  return true
}

/** False unless the recommendation belongs to this round and is still unanswered. */
export async function answerRecommendation(
  db: Queryable,
  key: Round,
  recommendationId: string,
  values: { accepted: boolean; rationale: string | null; answeredBy: string; answeredAt: Date },
) {
  const consultation = await findProfessionalBodyConsultation(db, key)
  if (!consultation) return false
  const rows = await db
    .update(professionalBodyRecommendations)
    .set({
      answer: values.accepted ? 'accepted' : 'not_accepted',
      rationale: values.rationale,
      answeredBy: values.answeredBy,
      answeredAt: values.answeredAt,
    })
    .where(
      and(
        eq(professionalBodyRecommendations.id, recommendationId),
        eq(professionalBodyRecommendations.consultationId, consultation.id),
        isNull(professionalBodyRecommendations.answer),
      ),
    )
    .returning({ id: professionalBodyRecommendations.id })
  return rows.length === 1
}

export async function closeProfessionalBodyWithoutResponse(
  db: Queryable,
  key: Round,
  values: { note: string; closedBy: string; closedAt: Date },
) {
  const rows = await db
    .update(professionalBodyConsultations)
    .set({
      closedNote: values.note,
      closedBy: values.closedBy,
      closedAt: values.closedAt,
      completedAt: values.closedAt,
    })
    .where(
      and(
        eq(professionalBodyConsultations.proposalId, key.proposalId),
        eq(professionalBodyConsultations.round, key.round),
        isNull(professionalBodyConsultations.respondedAt),
      ),
    )
    .returning({ id: professionalBodyConsultations.id })
  return rows.length === 1
}

export async function completeProfessionalBodyConsultation(db: Queryable, key: Round, at: Date) {
  await db
    .update(professionalBodyConsultations)
    .set({ completedAt: at })
    .where(
      and(
        eq(professionalBodyConsultations.proposalId, key.proposalId),
        eq(professionalBodyConsultations.round, key.round),
      ),
    )
}

// Staff consultation ------------------------------------------------------------

export async function insertStaffConsultation(
  db: Queryable,
  values: Round & {
    summary: string
    openedOn: string
    closesOn: string
    closesAt: Date
    openedBy: string
    openedAt: Date
  },
) {
  const [row] = await db.insert(staffConsultations).values(values).returning()
  return row!
}

export function findStaffConsultation(db: Queryable, { proposalId, round }: Round) {
  return db.query.staffConsultations.findFirst({
    where: and(eq(staffConsultations.proposalId, proposalId), eq(staffConsultations.round, round)),
  })
}

export async function completeStaffConsultation(db: Queryable, key: Round, at: Date) {
  await db
    .update(staffConsultations)
    .set({ completedAt: at })
    .where(
      and(
        eq(staffConsultations.proposalId, key.proposalId),
        eq(staffConsultations.round, key.round),
      ),
    )
}

export async function insertUnionConsultation(
  db: Queryable,
  values: Round & {
    unionName: string
    consultedOn: string
    response: string
    recordedBy: string
    recordedAt: Date
  },
) {
  await db.insert(unionConsultations).values(values)
}

/** The latest entry wins: a later record corrects an earlier one. */
export function latestUnionConsultation(db: Queryable, { proposalId, round }: Round) {
  return db.query.unionConsultations.findFirst({
    where: and(eq(unionConsultations.proposalId, proposalId), eq(unionConsultations.round, round)),
    orderBy: [desc(unionConsultations.recordedAt)],
  })
}

// Concerns ------------------------------------------------------------------------

export async function insertConcern(
  db: Queryable,
  values: Round & {
    id: string
    phase: string
    category: ConcernCategory
    text: string
    anonymous: boolean
    authorId: string | null
    authorTag: string
    receiptHash: string | null
    raisedOn: string
  },
) {
  await db.insert(staffConcerns).values(values)
}

export function findConcern(db: Queryable, proposalId: string, concernId: string) {
  return db.query.staffConcerns.findFirst({
    where: and(eq(staffConcerns.id, concernId), eq(staffConcerns.proposalId, proposalId)),
  })
}

const endorsementCount = sql<number>`(select count(*)::int from ${concernEndorsements} where ${concernEndorsements.concernId} = ${staffConcerns.id})`

/**
 * A round's concerns with their endorsement counts. Sorted by day and then by
 * id (random), so that the order within a day says nothing about who came first.
 */
export function listConcerns(db: Queryable, { proposalId, round }: Round) {
  return db
    .select({
      id: staffConcerns.id,
      phase: staffConcerns.phase,
      category: staffConcerns.category,
      text: staffConcerns.text,
      anonymous: staffConcerns.anonymous,
      authorTag: staffConcerns.authorTag,
      authorName: users.name,
      raisedOn: staffConcerns.raisedOn,
      response: staffConcerns.response,
      responseCondition: staffConcerns.responseCondition,
      respondedOn: staffConcerns.respondedOn,
      hiddenReason: staffConcerns.hiddenReason,
      hiddenOn: staffConcerns.hiddenOn,
      endorsements: endorsementCount,
    })
    .from(staffConcerns)
    .leftJoin(users, eq(users.id, staffConcerns.authorId))
    .where(and(eq(staffConcerns.proposalId, proposalId), eq(staffConcerns.round, round)))
    .orderBy(asc(staffConcerns.raisedOn), asc(staffConcerns.id))
}

export type ConcernListItem = Awaited<ReturnType<typeof listConcerns>>[number]

/** Who endorsed by name, per concern; anonymous endorsements only count. */
export async function namedEndorsers(db: Queryable, key: Round) {
  const rows = await db
    .select({ concernId: concernEndorsements.concernId, name: users.name })
    .from(concernEndorsements)
    .innerJoin(users, eq(users.id, concernEndorsements.endorserId))
    .innerJoin(staffConcerns, eq(staffConcerns.id, concernEndorsements.concernId))
    .where(and(eq(staffConcerns.proposalId, key.proposalId), eq(staffConcerns.round, key.round)))
    .orderBy(asc(users.name))
  const byConcern = new Map<string, string[]>()
  for (const row of rows)
    byConcern.set(row.concernId, [...(byConcern.get(row.concernId) ?? []), row.name])
  return byConcern
}

/**
 * Which of these concerns carry one of these tags. A tag is derived from a
 * person and a concern together, so matching the tag alone is enough.
 */
export async function endorsedAmong(db: Queryable, tags: string[]) {
  if (tags.length === 0) return new Set<string>()
  const rows = await db
    .select({ concernId: concernEndorsements.concernId })
    .from(concernEndorsements)
    .where(inArray(concernEndorsements.tag, tags))
  // An anonymous endorsement still held for release counts for its author too.
  const held = await db
    .select({ concernId: heldContributions.concernId })
    .from(heldContributions)
    .where(and(inArray(heldContributions.tag, tags), eq(heldContributions.kind, 'endorsement')))
  return new Set([...rows, ...held].map((r) => r.concernId))
}

/** False when this tag has already endorsed the concern. */
export async function insertEndorsement(
  db: Queryable,
  values: { concernId: string; tag: string; endorserId: string | null; endorsedOn: string },
) {
  const rows = await db
    .insert(concernEndorsements)
    .values(values)
    .onConflictDoNothing()
    .returning({ tag: concernEndorsements.tag })
  return rows.length === 1
}

export async function hasEndorsed(db: Queryable, concernId: string, tag: string) {
  const row = await db.query.concernEndorsements.findFirst({
    where: and(eq(concernEndorsements.concernId, concernId), eq(concernEndorsements.tag, tag)),
  })
  return row !== undefined
}

/** False unless the concern is visible and still unanswered. */
export async function respondToConcern(
  db: Queryable,
  proposalId: string,
  concernId: string,
  values: { response: string; condition: string | null; respondedOn: string; respondedBy: string },
) {
  const rows = await db
    .update(staffConcerns)
    .set({
      response: values.response,
      responseCondition: values.condition,
      respondedOn: values.respondedOn,
      respondedBy: values.respondedBy,
    })
    .where(
      and(
        eq(staffConcerns.id, concernId),
        eq(staffConcerns.proposalId, proposalId),
        isNull(staffConcerns.response),
        isNull(staffConcerns.hiddenReason),
      ),
    )
    .returning({ authorId: staffConcerns.authorId })
  return rows[0]
}

/** False when the concern is already hidden (or not this proposal's). */
export async function hideConcern(
  db: Queryable,
  proposalId: string,
  concernId: string,
  values: { reason: string; hiddenOn: string; hiddenBy: string },
) {
  const rows = await db
    .update(staffConcerns)
    .set({ hiddenReason: values.reason, hiddenOn: values.hiddenOn, hiddenBy: values.hiddenBy })
    .where(
      and(
        eq(staffConcerns.id, concernId),
        eq(staffConcerns.proposalId, proposalId),
        isNull(staffConcerns.hiddenReason),
      ),
    )
    .returning({ id: staffConcerns.id })
  return rows.length === 1
}

/** The concern a receipt code was given for, if it belongs to this organisation. */
export async function findConcernByReceipt(
  db: Queryable,
  organisationId: string,
  receiptHash: string,
) {
  const [row] = await db
    .select({
      id: staffConcerns.id,
      category: staffConcerns.category,
      text: staffConcerns.text,
      raisedOn: staffConcerns.raisedOn,
      response: staffConcerns.response,
      responseCondition: staffConcerns.responseCondition,
      respondedOn: staffConcerns.respondedOn,
      hiddenReason: staffConcerns.hiddenReason,
      endorsements: endorsementCount,
      proposal: {
        id: proposals.id,
        reference: proposals.reference,
        title: proposals.title,
        stage: proposals.stage,
      },
    })
    .from(staffConcerns)
    .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
    .where(
      and(eq(staffConcerns.receiptHash, receiptHash), eq(proposals.organisationId, organisationId)),
    )
  return row
}

/** A person's own named concerns, newest first; anonymous ones are found only by receipt. */
export function listNamedConcernsBy(db: Queryable, organisationId: string, userId: string) {
  return db
    .select({
      id: staffConcerns.id,
      category: staffConcerns.category,
      text: staffConcerns.text,
      raisedOn: staffConcerns.raisedOn,
      response: staffConcerns.response,
      hiddenReason: staffConcerns.hiddenReason,
      proposal: { id: proposals.id, reference: proposals.reference, title: proposals.title },
    })
    .from(staffConcerns)
    .innerJoin(proposals, eq(proposals.id, staffConcerns.proposalId))
    .where(and(eq(staffConcerns.authorId, userId), eq(proposals.organisationId, organisationId)))
    .orderBy(desc(staffConcerns.raisedOn))
}
