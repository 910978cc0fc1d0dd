import type { TFunction } from 'i18next'

/**
 * What Probity keeps about people, why and for how long: the one source of the
 * privacy notice (/privacy) and of the daily retention job's sweeps
 * (app/workflow/scheduled/apply-retention.server.ts), so the notice cannot say
 * one period while the job deletes on another (ADR 031). Pure: the notice page
 * imports it in the browser too. The words of each holding are in the 'public'
 * catalogue under privacy.holdings.<key>, in English and Welsh.
 */

/** Read in-app notices are kept a year: long enough to look back, not for ever. */
export const READ_NOTIFICATION_RETENTION_DAYS = 365
/** Failed sign-ins count towards throttling for this long, and are deleted after it. */
export const THROTTLE_WINDOW_MINUTES = 15
/** A password-reset link works this long. */
export const PASSWORD_RESET_HOURS = 1

/** The deletions the daily retention job runs, one each. */
export const RETENTION_SWEEPS = [
  'sentEmail',
  'expiredSessions',
  'signInFailures',
  'expiredAccountLinks',
  'abandonedSsoSignIns',
  'readNotifications',
] as const
export type RetentionSweepName = (typeof RETENTION_SWEEPS)[number]

/** Whose data it is, as the privacy notice groups people. */
export const PERSON_CATEGORIES = ['everyone_with_an_account', 'proposers', 'reviewers', 'staff', 'signatories', 'administrators', 'public'] as const
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]

/** The periods that come from configuration (README: Configuration). */
export type RetentionSettings = { outboxRetentionDays: number; sessionTtlHours: number; invitationTtlDays: number }

/** The holdings, each named by its key in the 'public' catalogue (privacy.holdings.<key>), where its words are. */
export const HOLDING_KEYS = [
  'accounts',
  'sessions',
  'account-links',
  'sso-flows',
  'sign-in-failures',
  'notifications',
  'email',
  'proposals',
  'screening',
  'named-concerns',
  'anonymous-concerns',
  'decisions',
  'audit',
  'signed-records',
  'administration',
  'public',
] as const
export type HoldingKey = (typeof HOLDING_KEYS)[number]

/** A length of time, as the notice states it: `[8, 'hour']` reads "8 hours". */
export type Period = readonly [count: number, unit: 'minute' | 'hour' | 'day']

export type Holding = {
  key: HoldingKey
  about: PersonCategory[]
  where: string
  /**
   * The periods its "how long" text names, by the name the text interpolates
   * them with (the words are in the catalogue); none when the text names none.
   */
  periods?: (s: RetentionSettings) => Record<string, Period>
  /** The sweep that deletes it, when a daily sweep does. */
  sweep?: RetentionSweepName
  /** Kept after an erasure, unchanged (ADR 031). */
  keptAfterErasure?: true
  /** Nothing is kept: the notice says so and gives no reason or period. */
  nothingKept?: true
}

export const HOLDINGS: Holding[] = [
  { key: 'accounts', about: ['everyone_with_an_account'], where: 'users' },
  {
    key: 'sessions',
    about: ['everyone_with_an_account'],
    where: 'sessions',
    periods: (s) => ({ ttl: [s.sessionTtlHours, 'hour'] }),
    sweep: 'expiredSessions',
  },
  {
    key: 'account-links',
    about: ['everyone_with_an_account'],
    where: 'account_tokens',
    periods: (s) => ({ invitation: [s.invitationTtlDays, 'day'], reset: [PASSWORD_RESET_HOURS, 'hour'] }),
    sweep: 'expiredAccountLinks',
  },
  { key: 'sso-flows', about: ['everyone_with_an_account'], where: 'sso_flows', sweep: 'abandonedSsoSignIns' },
  {
    key: 'sign-in-failures',
    about: ['everyone_with_an_account', 'public'],
    where: 'sign_in_failures',
    periods: () => ({ window: [THROTTLE_WINDOW_MINUTES, 'minute'] }),
    sweep: 'signInFailures',
  },
  {
    key: 'notifications',
    about: ['everyone_with_an_account'],
    where: 'notifications',
    periods: () => ({ read: [READ_NOTIFICATION_RETENTION_DAYS, 'day'] }),
    sweep: 'readNotifications',
  },
  {
    key: 'email',
    about: ['everyone_with_an_account'],
    where: 'outbox_messages',
    periods: (s) => ({ sent: [s.outboxRetentionDays, 'day'] }),
    sweep: 'sentEmail',
  },
  { key: 'proposals', about: ['proposers'], where: 'proposals, proposal_intakes, attachments', keptAfterErasure: true },
  { key: 'screening', about: ['reviewers'], where: 'screening_reviewers, review_scores, privacy_answers', keptAfterErasure: true },
  { key: 'named-concerns', about: ['staff', 'proposers'], where: 'staff_concerns, concern_endorsements', keptAfterErasure: true },
  {
    key: 'anonymous-concerns',
    about: ['staff'],
    where: 'held_contributions, then staff_concerns, concern_endorsements',
    keptAfterErasure: true,
  },
  {
    key: 'decisions',
    about: ['proposers', 'signatories'],
    where: 'decisions, decision_signatures, their monitoring tables',
    keptAfterErasure: true,
  },
  { key: 'audit', about: ['everyone_with_an_account'], where: 'audit_entries, service_audit_entries', keptAfterErasure: true },
  {
    key: 'signed-records',
    about: ['proposers', 'reviewers', 'staff', 'signatories'],
    where: 'stored_files, file_chunks (or the S3 bucket)',
    keptAfterErasure: true,
  },
  { key: 'administration', about: ['administrators'], where: 'rubrics, indicator_library', keptAfterErasure: true },
  { key: 'public', about: ['public'], where: '—', nothingKept: true },
]

/** What the privacy notice says of one holding, in the language of `t`. */
export type HoldingText = { title: string; what: string; about: string; why: string | null; howLong: string | null }

/**
 * One holding in words: `t` is the 'public' namespace's (`fixedT(locale, 'public')`
 * or a component's `useTranslation('public').t`), so the notice and its tests
 * read the same text. Only a type is imported, so this module stays pure.
 */
export function describeHolding(t: TFunction<'public'>, holding: Holding, settings: RetentionSettings): HoldingText {
  // Keys made from the table's ids: the catalogues' `satisfies Record<HoldingKey, …>` checks each exists.
  const say = t as unknown as (key: string, values?: Record<string, unknown>) => string
  const words = `privacy.holdings.${holding.key}`
  const about = PERSON_CATEGORIES.filter((c) => holding.about.includes(c))
    .map((c) => say(`privacy.categories.${c}`))
    .join(say('privacy.categoriesJoin'))
  if (holding.nothingKept) return { title: say(`${words}.title`), what: say(`${words}.what`), about, why: null, howLong: null }
  const periods = Object.fromEntries(
    Object.entries(holding.periods?.(settings) ?? {}).map(([name, [count, unit]]) => [name, say(`privacy.period.${unit}`, { count })]),
  )
  const period = say(`${words}.howLong`, periods)
  return {
    title: say(`${words}.title`),
    what: say(`${words}.what`),
    about,
    why: say(`${words}.why`),
    howLong: say(holding.keptAfterErasure ? 'privacy.periodKept' : 'privacy.periodEnd', { period }),
  }
}
