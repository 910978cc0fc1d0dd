import { z } from 'zod'
import { DELIVERED_BY, VULNERABLE_GROUPS } from '#db/schema'
import { lineList, plainText } from '~/utils/plain-text'
import { vm } from '~/utils/validation-message'

/**
 * The proposal form, shared by the browser (Conform) and the actions. A draft
 * needs only a title and a partner; submitting into screening needs what the
 * reviewers must know (`intakeIssues`).
 */

export const DELIVERED_BY_LABELS: Record<(typeof DELIVERED_BY)[number], string> = {
  library_staff: 'Library staff',
  partner_staff: 'The partner’s (or contractor’s) staff',
  both: 'Both',
}

export const VULNERABLE_GROUP_LABELS: Record<(typeof VULNERABLE_GROUPS)[number], string> = {
  minors: 'Children and young people (under 18)',
  migrants: 'Migrants, refugees and asylum seekers',
  homelessness: 'People experiencing homelessness',
  other: 'Other vulnerable people (say who below)',
}

/** Common kinds of personal data, offered as checkboxes; others are typed. */
export const DATA_CATEGORIES = [
  'Names and contact details',
  'Library account and borrowing records',
  'Identity documents',
  'Biometric data (fingerprints, facial images)',
  'Nationality or immigration status',
  'Health or disability',
  'Images or video of people (CCTV, bodycams)',
  'Visits, location or device data',
  'Searches, reading or browsing history',
  'Payment details',
] as const

const yesNo = z.enum(['yes', 'no'], { error: vm('intake.yesOrNo') }).transform((v) => v === 'yes')
const isoDate = z.iso.date(vm('intake.dateInvalid'))

/** Checked as a whole, so that a bad choice is reported on the group the form shows. */
function choices<const T extends readonly [string, ...string[]]>(options: T, message: string) {
  const known: ReadonlySet<string> = new Set(options)
  return z
    .array(z.string())
    .max(options.length, message)
    .refine((list) => list.every((v) => known.has(v)), message)
    .transform((list) => list as unknown as T[number][])
}

export const IntakeFields = z.object({
  version: z.number().int().positive().optional(),
  title: plainText(200).pipe(z.string().min(1, vm('intake.titleRequired'))),
  partner: plainText(200).pipe(z.string().min(1, vm('intake.partnerRequired'))),
  contractor: plainText(200).optional(),
  description: plainText(5000).optional(),
  // The proposer's own Welsh version, optional: Probity never translates what people type.
  titleCy: plainText(200).optional(),
  descriptionCy: plainText(5000).optional(),
  service: plainText(2000).optional(),
  deliveredBy: z.enum(DELIVERED_BY, { error: vm('intake.deliveredByRequired') }).optional(),
  deliveryNotes: plainText(2000).optional(),
  sites: lineList(200, 200).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  renewalTerms: plainText(1000).optional(),
  income: plainText(500).optional(),
  costs: plainText(1000).optional(),
  purpose: plainText(4000).optional(),
  personalData: yesNo.optional(),
  dataCategories: choices(DATA_CATEGORIES, vm('intake.dataCategoriesUnknown')).optional(),
  otherDataCategories: lineList(20, 200).optional(),
  sharedWithPartner: yesNo.optional(),
  sharedWithGovernment: yesNo.optional(),
  sharingDetails: plainText(2000).optional(),
  retention: plainText(1000).optional(),
  processedWhere: plainText(1000).optional(),
  userGroups: lineList(30, 200).optional(),
  vulnerableGroups: choices(VULNERABLE_GROUPS, vm('intake.vulnerableGroupsUnknown')).optional(),
  vulnerableOther: plainText(500).optional(),
  priorEngagement: yesNo.optional(),
  priorEngagementDetails: plainText(2000).optional(),
  reviewerIds: z
    .array(z.string())
    .max(20, vm('intake.tooManyReviewers'))
    .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), vm('intake.reviewersUnknown'))
    .optional(),
})

export type IntakeValues = z.infer<typeof IntakeFields>
/** The form's values as the browser holds them (strings where the schema parses lists and booleans). */
export type IntakeFormInput = z.input<typeof IntakeFields> & { intent?: 'save' | 'submit' }
export type IntakeFormValue = IntakeValues & { intent: 'save' | 'submit' }

type Issue = { path: string[]; message: string }

/** What screening needs that the form does not have yet; empty when it can be submitted. */
export function intakeIssues(v: IntakeValues, minReviewers: number): Issue[] {
  const issues: Issue[] = []
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok || (Array.isArray(ok) && ok.length === 0)) issues.push({ path: [path], message })
  }
  need(v.description, 'description', vm('intake.descriptionRequired'))
  need(v.service, 'service', vm('intake.serviceRequired'))
  need(v.deliveredBy, 'deliveredBy', vm('intake.deliveredByRequired'))
  need(v.sites, 'sites', vm('intake.sitesRequired'))
  need(v.startDate, 'startDate', vm('intake.startDateRequired'))
  need(v.income, 'income', vm('intake.incomeRequired'))
  need(v.costs, 'costs', vm('intake.costsRequired'))
  need(v.purpose, 'purpose', vm('intake.purposeRequired'))
  need(v.personalData !== undefined, 'personalData', vm('intake.personalDataRequired'))
  if (v.personalData) {
    need([...(v.dataCategories ?? []), ...(v.otherDataCategories ?? [])], 'dataCategories', vm('intake.dataCategoriesRequired'))
    need(v.sharedWithPartner !== undefined, 'sharedWithPartner', vm('intake.sharedWithPartnerRequired'))
    need(v.sharedWithGovernment !== undefined, 'sharedWithGovernment', vm('intake.sharedWithGovernmentRequired'))
    need(v.retention, 'retention', vm('intake.retentionRequired'))
    need(v.processedWhere, 'processedWhere', vm('intake.processedWhereRequired'))
  }
  need(v.userGroups, 'userGroups', vm('intake.userGroupsRequired'))
  if (v.vulnerableGroups?.includes('other')) need(v.vulnerableOther, 'vulnerableOther', vm('intake.vulnerableOtherRequired'))
  need(v.priorEngagement !== undefined, 'priorEngagement', vm('intake.priorEngagementRequired'))
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    issues.push({ path: ['endDate'], message: vm('intake.endBeforeStart') })
  }
  if ((v.reviewerIds?.length ?? 0) < minReviewers) {
    issues.push({ path: ['reviewerIds'], message: vm('intake.tooFewReviewers', { min: minReviewers }) })
  }
  return issues
}

/**
 * The form: "save" keeps a draft of whatever is there; "submit" is the
 * submission schema, which also needs everything screening does.
 * `minReviewers` is the proposal's own minimum.
 */
export function intakeFormSchema(minReviewers: number) {
  return IntakeFields.extend({ intent: z.enum(['save', 'submit']).default('save') }).superRefine((v, ctx) => {
    const issues = intakeIssues(v, minReviewers)
    for (const issue of v.intent === 'submit' ? issues : issues.filter((i) => i.path[0] === 'endDate')) {
      ctx.addIssue({ code: 'custom', ...issue })
    }
  })
}
