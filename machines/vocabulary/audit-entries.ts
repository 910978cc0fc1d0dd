import { z } from 'zod'
import { CONCERN_CATEGORIES } from './consultation'
import { OUTCOMES } from './decision'
import { OUTCOME_PHASES, RAG_STATUSES, REASSESSMENT_OUTCOMES, SUSPENSION_OUTCOMES } from './monitoring'
import { ROLES } from './roles'

/**
 * What an audit entry says happened, as a kind and its data rather than text,
 * so the timeline, the record and any other language render it from one
 * source (`describeAuditEntry` in app/utils/audit-summary.ts). The data is
 * stored in `audit_entries.detail` and covered by the entry's hash.
 *
 * Privacy: an entry for an anonymous contribution carries no identity of its
 * author; no kind here has a field that could hold one.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const entry = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...shape }).strict()

/** How a signatory proved it was them: their password, or a fresh sign-in at the service's identity provider. Absent on entries written before single sign-on: a password. */
const StepUpSchema = z
  .discriminatedUnion('method', [z.object({ method: z.literal('password') }).strict(), z.object({ method: z.literal('sso'), provider: z.string() }).strict()])
  .optional()

export const AuditDetailSchema = z.discriminatedUnion('kind', [
  // Intake
  entry('proposal.created', {}),
  entry('draft.saved', {}),
  entry('attachment.added', { filename: z.string() }),
  entry('attachment.removed', {}),
  entry('reviewers.assigned', {}),
  entry('proposal.submitted', {}),
  entry('proposal.withdrawn', {}),
  // Screening
  entry('reviewer.added', {}),
  entry('conflict.declared', { conflict: z.boolean() }),
  entry('scores.saved', { submitted: z.boolean() }),
  entry('screening.completed', {}),
  // Consultation
  entry('pb.requested', { body: z.string(), deadline: date }),
  entry('pb.response.recorded', { body: z.string().nullable(), recommendations: z.number().int().nonnegative() }),
  entry('pb.recommendation.answered', { accepted: z.boolean() }),
  entry('pb.closed.unanswered', {}),
  entry('pb.completed', {}),
  entry('staff.opened', { closesOn: date }),
  entry('union.response.recorded', { union: z.string() }),
  entry('staff.completed', {}),
  entry('concern.raised', { anonymous: z.boolean(), category: z.enum(CONCERN_CATEGORIES) }),
  entry('concern.endorsed', { anonymous: z.boolean() }),
  entry('concern.answered', { condition: z.boolean() }),
  entry('concern.hidden', {}),
  /**
   * A batch of held anonymous contributions, released together in random order.
   * `digest` is SHA-256 over the released rows (db/anonymous-release.server.ts),
   * so changing a released text breaks the chain's verification.
   */
  entry('anonymous.released', {
    concerns: z.number().int().nonnegative(),
    endorsements: z.number().int().nonnegative(),
    occasion: z.enum(['daily', 'closing']),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  // Decision
  entry('decision.recorded', { outcome: z.enum(OUTCOMES) }),
  entry('decision.signed', {
    /**
     * Who signed is the entry's actor (an id); the name is shown from the
     * account, so that an erasure's pseudonym replaces it (ADR 031). `name` is
     * only on entries written before that: the hash covers it, so it stays.
     */
    signer: z.object({ name: z.string().optional(), role: z.enum(ROLES) }).strict(),
    stepUp: StepUpSchema,
    /** Present on the last signature, which issues the record. */
    issued: z.enum(OUTCOMES).nullable(),
  }),
  // Monitoring
  entry('monitoring.started', {}),
  entry('contract.ended', {}),
  entry('review.recorded', {
    slot: z.number().int().positive(),
    status: z.enum(RAG_STATUSES),
    findings: z.array(z.string()),
    escalates: z.boolean(),
  }),
  entry('incident.recorded', { occurredOn: date, location: z.string() }),
  entry('escalated', { reason: z.string() }),
  entry('concern.surge', { raised: z.number().int().nonnegative(), limit: z.number().int().nonnegative() }),
  entry('outcome.proposed', {
    phase: z.enum(OUTCOME_PHASES),
    outcome: z.enum([...REASSESSMENT_OUTCOMES, ...SUSPENSION_OUTCOMES]),
  }),
  entry('outcome.signed', {
    stepUp: StepUpSchema,
    outcome: z.enum([...REASSESSMENT_OUTCOMES, ...SUSPENSION_OUTCOMES]),
    inForce: z.boolean(),
  }),
])

export type AuditDetail = z.infer<typeof AuditDetailSchema>
export type AuditKind = AuditDetail['kind']
export const AUDIT_KINDS = AuditDetailSchema.options.map((o) => o.shape.kind.value) as AuditKind[]

/**
 * What an administrator did to a person's data, in the service's own trail
 * (`service_audit_entries`, ADR 031): ids and kinds, never a name or address.
 */
export const ServiceAuditDetailSchema = z.discriminatedUnion('kind', [
  /** The person's name and e-mail address were replaced by a pseudonym, their account closed. */
  entry('person.erased', {}),
])

export type ServiceAuditDetail = z.infer<typeof ServiceAuditDetailSchema>
export type ServiceAuditKind = ServiceAuditDetail['kind']
