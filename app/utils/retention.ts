/**
 * What Probity keeps about people, why and for how long: the one source of the
 * privacy notice (/privacy) and of the daily retention job's sweeps
 * (app/workflow/scheduled/apply-retention.server.ts), so the notice cannot say
 * one period while the job deletes on another (ADR 031). Pure: the notice page
 * imports it in the browser too.
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

export type Holding = {
  key: string
  title: string
  what: string
  about: PersonCategory[]
  where: string
  why: string
  howLong: (s: RetentionSettings) => string
  /** The sweep that deletes it, when a daily sweep does. */
  sweep?: RetentionSweepName
  /** Kept after an erasure, unchanged (ADR 031). */
  keptAfterErasure?: true
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

export const HOLDINGS: Holding[] = [
  {
    key: 'accounts',
    title: 'Your account',
    what: 'Your name, work e-mail address, roles, and a hash of your password (Argon2id; never the password itself)',
    about: ['everyone_with_an_account'],
    where: 'users',
    why: 'Your account: signing in, showing who did what, sending you notices',
    howLong: () =>
      'While your library service keeps your account. A deactivated account stays, because the audit trail and records refer to it; an erasure replaces your name and e-mail address with a pseudonym',
  },
  {
    key: 'sessions',
    title: 'Sign-in sessions',
    what: 'Sign-in sessions: a hash of the cookie’s token, whose it is, when it started and ends, and how you signed in',
    about: ['everyone_with_an_account'],
    where: 'sessions',
    why: 'Keeping you signed in',
    howLong: (s) => `Until you sign out or it expires (${plural(s.sessionTtlHours, 'hour')}); expired sessions are deleted daily`,
    sweep: 'expiredSessions',
  },
  {
    key: 'account-links',
    title: 'Invitation and password-reset links',
    what: 'Invitation and password-reset links: a hash of the link’s token, whose, its purpose, expiry and when it was used',
    about: ['everyone_with_an_account'],
    where: 'account_tokens',
    why: 'Letting you set your own password',
    howLong: (s) =>
      `Until the link expires (an invitation after ${plural(s.invitationTtlDays, 'day')}, a reset after ${plural(PASSWORD_RESET_HOURS, 'hour')}), then deleted daily`,
    sweep: 'expiredAccountLinks',
  },
  {
    key: 'sso-flows',
    title: 'Single sign-on',
    what: 'Single sign-on round trips: a hash of the state, the PKCE verifier, the nonce and where to return',
    about: ['everyone_with_an_account'],
    where: 'sso_flows',
    why: 'Finishing a sign-in at your council’s identity provider',
    howLong: () => 'Minutes: deleted once used; abandoned ones daily',
    sweep: 'abandonedSsoSignIns',
  },
  {
    key: 'sign-in-failures',
    title: 'Failed sign-ins',
    what: 'Failed sign-ins and signature passwords: a keyed hash (HMAC) of the account or of the client’s network address, and the time',
    about: ['everyone_with_an_account', 'public'],
    where: 'sign_in_failures',
    why: 'Slowing down password guessing',
    howLong: () => `${plural(THROTTLE_WINDOW_MINUTES, 'minute')}; older rows are deleted on the next failure and daily`,
    sweep: 'signInFailures',
  },
  {
    key: 'notifications',
    title: 'Notices in Probity',
    what: 'In-app notices to you: title, text, link, and when you read it',
    about: ['everyone_with_an_account'],
    where: 'notifications',
    why: 'Telling you what needs you',
    howLong: () => `Read notices: ${plural(READ_NOTIFICATION_RETENTION_DAYS, 'day')}, then deleted daily; unread ones until read`,
    sweep: 'readNotifications',
  },
  {
    key: 'email',
    title: 'E-mail',
    what: 'E-mail to you: address, subject, text, delivery state and the mail server’s last answer',
    about: ['everyone_with_an_account'],
    where: 'outbox_messages',
    why: 'Sending notices and reminders, and retrying refused ones',
    howLong: (s) =>
      `Sent: ${plural(s.outboxRetentionDays, 'day')} after sending, then deleted daily. Failed: until an administrator retries it`,
    sweep: 'sentEmail',
  },
  {
    key: 'proposals',
    title: 'Proposals and papers',
    what: 'Proposals, with who proposed them, and their attached papers (which may hold personal data of the partner’s staff)',
    about: ['proposers'],
    where: 'proposals, proposal_intakes, attachments',
    why: 'The decision and its public justification',
    howLong: () => 'Permanently: they are the record the decision is defended with',
    keptAfterErasure: true,
  },
  {
    key: 'screening',
    title: 'Ethics screening',
    what: 'Screening reviews: declarations of interest, scores, rationales and privacy-checklist answers, with the reviewer’s name',
    about: ['reviewers'],
    where: 'screening_reviewers, review_scores, privacy_answers',
    why: 'The independent ethics screening the decision rests on',
    howLong: () => 'Permanently, with the proposal',
    keptAfterErasure: true,
  },
  {
    key: 'named-concerns',
    title: 'Named concerns and endorsements',
    what: 'Named staff concerns and endorsements: the text and who wrote it; answers to concerns and who gave them',
    about: ['staff', 'proposers'],
    where: 'staff_concerns, concern_endorsements',
    why: 'The staff consultation',
    howLong: () => 'Permanently, with the proposal',
    keptAfterErasure: true,
  },
  {
    key: 'anonymous-concerns',
    title: 'Anonymous concerns and endorsements',
    what: 'Anonymous concerns and endorsements: the text, a keyed hash that stops one person endorsing twice, a hash of the receipt code and the day only. No author, no time of day: Probity does not know who wrote them, so it cannot tell you, nor anyone else',
    about: ['staff'],
    where: 'held_contributions, then staff_concerns, concern_endorsements',
    why: 'The staff consultation, without saying who',
    howLong: () => 'Held until the next batch release, then kept permanently with the proposal; nothing stored identifies the author',
    keptAfterErasure: true,
  },
  {
    key: 'decisions',
    title: 'Decisions, signatures and monitoring',
    what: 'Decisions, signatures (who signed, in which role, when), consultation responses, monitoring reviews and incidents, with the names of who recorded them',
    about: ['proposers', 'signatories'],
    where: 'decisions, decision_signatures, their monitoring tables',
    why: 'The decision as made, and the partnership’s monitoring',
    howLong: () => 'Permanently: they are the record the decision is defended with',
    keptAfterErasure: true,
  },
  {
    key: 'audit',
    title: 'The audit trail',
    what: 'The audit trail: which account did what and when (by account number, not by name), hash-chained',
    about: ['everyone_with_an_account'],
    where: 'audit_entries, service_audit_entries',
    why: 'Proving what happened, in order',
    howLong: () => 'Permanently: it cannot be changed or deleted',
    keptAfterErasure: true,
  },
  {
    key: 'signed-records',
    title: 'Signed decision records',
    what: 'Signed decision records and addenda (PDF), which name the proposer, reviewers, authors of named concerns and signatories',
    about: ['proposers', 'reviewers', 'staff', 'signatories'],
    where: 'stored_files, file_chunks (or the S3 bucket)',
    why: 'The decision as signed: anyone holding a copy can check it is genuine',
    howLong: () => 'Permanently and unchanged, including after an erasure: changing a signed record would make it fail verification',
    keptAfterErasure: true,
  },
  {
    key: 'administration',
    title: 'Rules and settings',
    what: 'What administrators set up: rubric versions, indicator library entries and settings, with who made them',
    about: ['administrators'],
    where: 'rubrics, indicator_library',
    why: 'Knowing which version of the rules a decision used',
    howLong: () => 'Permanently',
    keptAfterErasure: true,
  },
  {
    key: 'public',
    title: 'Members of the public',
    what: 'Nothing about members of the public who read a public register or check a record: no account, no tracking, and logs hold no network addresses',
    about: ['public'],
    where: '—',
    why: '—',
    howLong: () => '—',
  },
]
