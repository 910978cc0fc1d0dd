import { type Proposal, type ProposalIntake } from '#db/schema'
import type { CoreFields, IntakeContent } from '#db/intake.server'
import { type ProposalSummary } from '~/pdf/record-data'
import { DATA_CATEGORIES, DELIVERED_BY_LABELS, VULNERABLE_GROUP_LABELS, type IntakeValues } from './intake-schema'

/** Between the form's values, the stored rows, and what a reader sees. */

type Stored = { proposal: Pick<Proposal, 'title' | 'partner' | 'contractor' | 'description' | 'titleCy' | 'descriptionCy'>; intake: ProposalIntake | undefined }

const KNOWN_CATEGORIES: readonly string[] = DATA_CATEGORIES

export function toStored(v: IntakeValues): { core: CoreFields; content: IntakeContent } {
  return {
    core: {
      title: v.title,
      partner: v.partner,
      contractor: v.contractor || null,
      description: v.description ?? '',
      titleCy: v.titleCy || null,
      descriptionCy: v.descriptionCy || null,
    },
    content: {
      service: v.service ?? '',
      deliveredBy: v.deliveredBy ?? null,
      deliveryNotes: v.deliveryNotes ?? '',
      sites: v.sites ?? [],
      startDate: v.startDate ?? null,
      endDate: v.endDate ?? null,
      renewalTerms: v.renewalTerms ?? '',
      income: v.income ?? '',
      costs: v.costs ?? '',
      purpose: v.purpose ?? '',
      personalData: v.personalData ?? null,
      // A form that says no personal data is involved keeps no data details.
      dataCategories: v.personalData === false ? [] : [...(v.dataCategories ?? []), ...(v.otherDataCategories ?? [])],
      sharedWithPartner: v.personalData === false ? null : (v.sharedWithPartner ?? null),
      sharedWithGovernment: v.personalData === false ? null : (v.sharedWithGovernment ?? null),
      sharingDetails: v.personalData === false ? '' : (v.sharingDetails ?? ''),
      retention: v.personalData === false ? '' : (v.retention ?? ''),
      processedWhere: v.personalData === false ? '' : (v.processedWhere ?? ''),
      userGroups: v.userGroups ?? [],
      vulnerableGroups: v.vulnerableGroups ?? [],
      vulnerableOther: v.vulnerableGroups?.includes('other') ? (v.vulnerableOther ?? '') : '',
      priorEngagement: v.priorEngagement ?? null,
      priorEngagementDetails: v.priorEngagementDetails ?? '',
      reviewerIds: v.reviewerIds ?? [],
    },
  }
}

const orUndefined = <T,>(v: T | null | '') => (v === null || v === '' ? undefined : v)
const orEmptyList = <T,>(v: T[]) => (v.length ? v : undefined)

/** The stored proposal as parsed form values, to check what submission still needs. */
export function toValues({ proposal, intake }: Stored): IntakeValues {
  const categories = intake?.dataCategories ?? []
  return {
    title: proposal.title,
    partner: proposal.partner,
    contractor: orUndefined(proposal.contractor),
    description: orUndefined(proposal.description),
    titleCy: orUndefined(proposal.titleCy),
    descriptionCy: orUndefined(proposal.descriptionCy),
    service: orUndefined(intake?.service ?? ''),
    deliveredBy: orUndefined(intake?.deliveredBy ?? null),
    deliveryNotes: orUndefined(intake?.deliveryNotes ?? ''),
    sites: orEmptyList(intake?.sites ?? []),
    startDate: orUndefined(intake?.startDate ?? null),
    endDate: orUndefined(intake?.endDate ?? null),
    renewalTerms: orUndefined(intake?.renewalTerms ?? ''),
    income: orUndefined(intake?.income ?? ''),
    costs: orUndefined(intake?.costs ?? ''),
    purpose: orUndefined(intake?.purpose ?? ''),
    personalData: orUndefined(intake?.personalData ?? null),
    dataCategories: orEmptyList(categories.filter((c) => KNOWN_CATEGORIES.includes(c))) as IntakeValues['dataCategories'],
    otherDataCategories: orEmptyList(categories.filter((c) => !KNOWN_CATEGORIES.includes(c))),
    sharedWithPartner: orUndefined(intake?.sharedWithPartner ?? null),
    sharedWithGovernment: orUndefined(intake?.sharedWithGovernment ?? null),
    sharingDetails: orUndefined(intake?.sharingDetails ?? ''),
    retention: orUndefined(intake?.retention ?? ''),
    processedWhere: orUndefined(intake?.processedWhere ?? ''),
    userGroups: orEmptyList(intake?.userGroups ?? []),
    vulnerableGroups: orEmptyList(intake?.vulnerableGroups ?? []),
    vulnerableOther: orUndefined(intake?.vulnerableOther ?? ''),
    priorEngagement: orUndefined(intake?.priorEngagement ?? null),
    priorEngagementDetails: orUndefined(intake?.priorEngagementDetails ?? ''),
    reviewerIds: orEmptyList(intake?.reviewerIds ?? []),
  }
}

const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? ('yes' as const) : ('no' as const))

/** The stored proposal as the form's default values (strings, as the inputs hold them). */
export function toFormDefaults(stored: Stored) {
  const v = toValues(stored)
  return {
    ...v,
    sites: v.sites?.join('\n'),
    otherDataCategories: v.otherDataCategories?.join('\n'),
    userGroups: v.userGroups?.join('\n'),
    personalData: yesNo(v.personalData),
    sharedWithPartner: yesNo(v.sharedWithPartner),
    sharedWithGovernment: yesNo(v.sharedWithGovernment),
    priorEngagement: yesNo(v.priorEngagement),
  }
}

function sharing(intake: ProposalIntake): string {
  const parties = [
    intake.sharedWithPartner ? 'the partner' : null,
    intake.sharedWithGovernment ? 'a government body' : null,
  ].filter(Boolean)
  const head = parties.length ? `Shared with ${parties.join(' and ')}` : 'Not shared with the partner or any government body'
  return intake.sharingDetails ? `${head}. ${intake.sharingDetails}` : head
}

/** What the decision record and the reviewers read about the proposal. */
export function toSummary(reference: string, { proposal, intake }: Stored): ProposalSummary {
  const i = intake
  const deliveredBy = i?.deliveredBy ? DELIVERED_BY_LABELS[i.deliveredBy] : ''
  return {
    reference,
    title: proposal.title,
    // Present only when the proposer gave a Welsh version, so records without one read as before.
    ...(proposal.titleCy ? { titleCy: proposal.titleCy } : {}),
    ...(proposal.descriptionCy ? { summaryCy: proposal.descriptionCy } : {}),
    partner: proposal.partner,
    contractor: proposal.contractor,
    service: i?.service ?? '',
    deliveredBy: [deliveredBy, i?.deliveryNotes].filter(Boolean).join(': '),
    sites: i?.sites ?? [],
    startDate: i?.startDate ?? null,
    endDate: i?.endDate ?? null,
    renewalTerms: i?.renewalTerms || null,
    income: i?.income || null,
    costs: i?.costs || null,
    purpose: i?.purpose ?? '',
    personalData:
      i?.personalData === true
        ? { categories: i.dataCategories, sharedWith: sharing(i), retention: i.retention, processedWhere: i.processedWhere }
        : { categories: [], sharedWith: '', retention: '', processedWhere: i?.personalData === false ? 'No personal data of users is involved' : '' },
    userGroups: i?.userGroups ?? [],
    vulnerableGroups: (i?.vulnerableGroups ?? []).map((g) =>
      g === 'other' ? i?.vulnerableOther || 'Other vulnerable people' : VULNERABLE_GROUP_LABELS[g],
    ),
    priorEngagement:
      i?.priorEngagement === undefined || i?.priorEngagement === null
        ? ''
        : [i.priorEngagement ? 'Yes' : 'No', i.priorEngagementDetails].filter(Boolean).join(': '),
  }
}
