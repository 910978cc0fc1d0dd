import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './core'
import { storedFiles } from './files'
import { type VulnerableGroup } from '../../machines/vocabulary/vulnerable-groups'
import { proposals } from './proposals'

export const DELIVERED_BY = ['library_staff', 'partner_staff', 'both'] as const
export type DeliveredBy = (typeof DELIVERED_BY)[number]

export { VULNERABLE_GROUPS, type VulnerableGroup } from '../../machines/vocabulary/vulnerable-groups'

/**
 * What the chief librarian tells reviewers about a partnership, beyond the
 * title, partner, contractor and description kept on `proposals`. Every field
 * may be empty while the proposal is a draft; the submission schema
 * (app/workflow/intake/intake-schema.ts) decides what screening needs.
 */
export const proposalIntakes = pgTable('proposal_intakes', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id),
  service: text('service').notNull().default(''),
  deliveredBy: text('delivered_by', { enum: DELIVERED_BY }),
  deliveryNotes: text('delivery_notes').notNull().default(''),
  sites: jsonb('sites').$type<string[]>().notNull().default([]),
  startDate: date('start_date'),
  endDate: date('end_date'),
  renewalTerms: text('renewal_terms').notNull().default(''),
  income: text('income').notNull().default(''),
  costs: text('costs').notNull().default(''),
  purpose: text('purpose').notNull().default(''),
  personalData: boolean('personal_data'),
  dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
  sharedWithPartner: boolean('shared_with_partner'),
  sharedWithGovernment: boolean('shared_with_government'),
  sharingDetails: text('sharing_details').notNull().default(''),
  retention: text('retention').notNull().default(''),
  processedWhere: text('processed_where').notNull().default(''),
  userGroups: jsonb('user_groups').$type<string[]>().notNull().default([]),
  vulnerableGroups: jsonb('vulnerable_groups').$type<VulnerableGroup[]>().notNull().default([]),
  vulnerableOther: text('vulnerable_other').notNull().default(''),
  priorEngagement: boolean('prior_engagement'),
  priorEngagementDetails: text('prior_engagement_details').notNull().default(''),
  /** The reviewers the proposer has chosen so far; assigned in the machine on submission. */
  reviewerIds: jsonb('reviewer_ids').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Papers attached to a proposal. The file is the stored file named by its
 * content (`sha256`), never by the uploader's file name; `filename` is only shown.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    /** Which part of the process the paper belongs to, e.g. "intake". */
    purpose: text('purpose').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attachments_proposal_purpose_sha_unique').on(t.proposalId, t.purpose, t.sha256),
    index('attachments_org_sha_idx').on(t.organisationId, t.sha256),
  ],
)

export type ProposalIntake = typeof proposalIntakes.$inferSelect
export type Attachment = typeof attachments.$inferSelect
