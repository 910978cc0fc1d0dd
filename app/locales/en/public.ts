// The 'public' namespace in English: the pages anyone may read (public registers,
// accessibility statement, privacy notice). The source of the key set
// (docs/decisions/030-internationalisation.md).
import { type HoldingKey, type PersonCategory } from '~/utils/retention'

/** The words of one row of the retention table (app/utils/retention.ts); "why" and "how long" only where something is kept. */
type HoldingWords = { title: string; what: string; why?: string; howLong?: string }

export default {
  registers: {
    title: 'Public registers of partnership decisions',
    intro: 'Library services using Probity may publish every commercial partnership they decide on, with the reasons and conditions, and the signed record anyone can verify.',
    none: 'No library service publishes a register here yet.',
    verify: 'Hold a signed decision record? <verify>Check that it is genuine</verify>.',
  },
  register: {
    title: 'Register of partnership decisions',
    titleOf: 'Register of partnership decisions: {{organisation}}',
    notFound: 'Register not found',
    intro:
      'Every commercial partnership this library service has decided on, approved or rejected, with the reasons and conditions it published when it decided. Each decision is a signed record that anyone can check has not been altered.',
    searchLabel: 'Search the register',
    searchBy: 'Search by reference, partnership or partner',
    search: 'Search',
    downloadEvery: 'Download every decision:',
    downloadThese: 'Download these decisions:',
    noMatch: 'No decision matches “{{q}}”.',
    noneSigned: 'No decisions have been signed yet.',
    total_one: '{{count, number}} decision, the most recently signed first.',
    total_other: '{{count, number}} decisions, the most recently signed first.',
    matching_one: '{{count, number}} decision matching “{{q}}”, the most recently signed first.',
    matching_other: '{{count, number}} decisions matching “{{q}}”, the most recently signed first.',
    reference: 'Reference',
    partner: 'Partner',
    deliveredBy: ', delivered by {{contractor}}',
    decision: 'Decision',
    decidedOn: '{{outcome}} on {{date}}',
    why: 'Why',
    conditions: 'Conditions',
    checkRecord: 'Check the signed decision record {{reference}}',
    addenda: 'Later signed addenda',
    addendumSignedOn: '{{reference}}, signed on {{date}}',
    pages: {
      label: 'Register pages',
      previous: 'Previous page',
      current: 'Page {{page}} of {{pages}}',
      next: 'Next page',
    },
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'This statement applies to Probity at this address: its pages, the public registers of decisions and the pages that verify a signed record. We want as many people as possible to be able to use it. You should be able to:',
    can: {
      narrow: 'use it at 320 pixels wide, or zoomed to 400%, without scrolling sideways',
      keyboard: 'use every part of it with a keyboard alone, starting with a link that skips to the main content',
      screenReader: 'use it with a screen reader: pages have headings in order, labelled form fields, and errors given beside the field they concern',
      targets: 'tap every control: each is at least 24 by 24 pixels, or spaced to the same effect',
    },
    statusHeading: 'How accessible it is',
    status:
      'Probity is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard, because of the exception listed below.',
    gapsHeading: 'What is not accessible',
    gaps: {
      records:
        'Signed decision records and addenda are PDF files without tags: a screen reader cannot follow their structure, and their charts and QR code have no text alternative inside the PDF. Every record has an accessible web page with exactly the same content, at /verify/<record>/record, linked from the record itself and from its verification page.',
      papers: 'Papers attached to proposals are published as the proposer uploaded them; Probity does not check them.',
    },
    testingHeading: 'How we tested it',
    testing:
      'Every change to Probity runs automated browser tests that open its pages in Chromium and check each page with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules; check each at 320 by 640 pixels for sideways scrolling and for controls smaller than 24 by 24 pixels; and fill in and submit forms with the keyboard. Automated checks find only some problems. Probity has not yet been audited by people using assistive technology.',
    reportHeading: 'Reporting a problem, or asking for another format',
    reportTo:
      'If you find a problem, or need information from Probity in another format, contact {{service}}. Say which page, what you were trying to do, and what happened.',
    reportGeneric:
      'If you find a problem, or need information from Probity in another format, contact the library service whose pages or records you were using. Say which page, what you were trying to do, and what happened.',
    enforcementHeading: 'Enforcement procedure',
    enforcement:
      'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 in England, Scotland and Wales. If you are not happy with how your complaint is answered, contact the <eass>Equality Advisory and Support Service (EASS)</eass>.',
    northernIreland: 'In Northern Ireland, contact the <ecni>Equality Commission for Northern Ireland (ECNI)</ecni>.',
    verify: 'To check a signed record and find its accessible page, use the <verify>verify page</verify>.',
    privacy: 'How Probity handles personal data is in its <privacy>privacy notice</privacy>.',
    prepared: 'This statement was prepared on 7 December 2026, from the checks Probity’s tests make. It will be reviewed when those checks change, and at least once a year.',
  },
  privacy: {
    title: 'Privacy notice',
    intro:
      'Probity is where a public library service decides, in the open and on the record, whether to enter a commercial partnership. This notice says what it keeps about people, why, and for how long. It is generated from the same table the daily deletion job runs from, so the periods below are the ones Probity applies.',
    controllerHeading: 'Who is responsible for your data',
    controllerOf:
      '{{service}} is the controller of the personal data it keeps in Probity. Whoever hosts Probity for it processes that data on its behalf and sees no proposal, concern or decision.',
    controllerGeneric:
      'Each library service using Probity is the controller of the personal data it keeps here. Whoever hosts Probity for it processes that data on its behalf and sees no proposal, concern or decision.',
    basisHeading: 'Why Probity may hold it',
    basis:
      'The lawful basis is public task (UK GDPR Article 6(1)(e)): a library service must be able to show how, by whom and on what evidence it decided to enter or refuse a commercial partnership.',
    heldHeading: 'What Probity keeps, why, and for how long',
    what: 'What',
    about: 'About',
    why: 'Why',
    howLong: 'How long',
    periodEnd: '{{period}}.',
    periodKept: '{{period}}. Kept after an erasure.',
    period: {
      minute_one: '{{count}} minute',
      minute_other: '{{count}} minutes',
      hour_one: '{{count}} hour',
      hour_other: '{{count}} hours',
      day_one: '{{count}} day',
      day_other: '{{count}} days',
    },
    categoriesJoin: ', ',
    categories: {
      everyone_with_an_account: 'everyone with an account',
      proposers: 'chief librarians who propose',
      reviewers: 'ethics reviewers',
      staff: 'staff',
      signatories: 'signatories',
      administrators: 'administrators',
      public: 'members of the public',
    } satisfies Record<PersonCategory, string>,
    holdings: {
      accounts: {
        title: 'Your account',
        what: 'Your name, work e-mail address, roles, and a hash of your password (Argon2id; never the password itself)',
        why: 'Your account: signing in, showing who did what, sending you notices',
        howLong:
          'While your library service keeps your account. A deactivated account stays, because the audit trail and records refer to it; an erasure replaces your name and e-mail address with a pseudonym',
      },
      sessions: {
        title: 'Sign-in sessions',
        what: 'Sign-in sessions: a hash of the cookie’s token, whose it is, when it started and ends, and how you signed in',
        why: 'Keeping you signed in',
        howLong: 'Until you sign out or it expires ({{ttl}}); expired sessions are deleted daily',
      },
      'account-links': {
        title: 'Invitation and password-reset links',
        what: 'Invitation and password-reset links: a hash of the link’s token, whose, its purpose, expiry and when it was used',
        why: 'Letting you set your own password',
        howLong: 'Until the link expires (an invitation after {{invitation}}, a reset after {{reset}}), then deleted daily',
      },
      'sso-flows': {
        title: 'Single sign-on',
        what: 'Single sign-on round trips: a hash of the state, the PKCE verifier, the nonce and where to return',
        why: 'Finishing a sign-in at your council’s identity provider',
        howLong: 'Minutes: deleted once used; abandoned ones daily',
      },
      'sign-in-failures': {
        title: 'Failed sign-ins',
        what: 'Failed sign-ins and signature passwords: a keyed hash (HMAC) of the account or of the client’s network address, and the time',
        why: 'Slowing down password guessing',
        howLong: '{{window}}; older rows are deleted on the next failure and daily',
      },
      notifications: {
        title: 'Notices in Probity',
        what: 'In-app notices to you: title, text, link, and when you read it',
        why: 'Telling you what needs you',
        howLong: 'Read notices: {{read}}, then deleted daily; unread ones until read',
      },
      email: {
        title: 'E-mail',
        what: 'E-mail to you: address, subject, text, delivery state and the mail server’s last answer',
        why: 'Sending notices and reminders, and retrying refused ones',
        howLong: 'Sent: {{sent}} after sending, then deleted daily. Failed: until an administrator retries it',
      },
      proposals: {
        title: 'Proposals and papers',
        what: 'Proposals, with who proposed them, and their attached papers (which may hold personal data of the partner’s staff)',
        why: 'The decision and its public justification',
        howLong: 'Permanently: they are the record the decision is defended with',
      },
      screening: {
        title: 'Ethics screening',
        what: 'Screening reviews: declarations of interest, scores, rationales and privacy-checklist answers, with the reviewer’s name',
        why: 'The independent ethics screening the decision rests on',
        howLong: 'Permanently, with the proposal',
      },
      'named-concerns': {
        title: 'Named concerns and endorsements',
        what: 'Named staff concerns and endorsements: the text and who wrote it; answers to concerns and who gave them',
        why: 'The staff consultation',
        howLong: 'Permanently, with the proposal',
      },
      'anonymous-concerns': {
        title: 'Anonymous concerns and endorsements',
        what: 'Anonymous concerns and endorsements: the text, a keyed hash that stops one person endorsing twice, a hash of the receipt code and the day only. No author, no time of day: Probity does not know who wrote them, so it cannot tell you, nor anyone else',
        why: 'The staff consultation, without saying who',
        howLong: 'Held until the next batch release, then kept permanently with the proposal; nothing stored identifies the author',
      },
      decisions: {
        title: 'Decisions, signatures and monitoring',
        what: 'Decisions, signatures (who signed, in which role, when), consultation responses, monitoring reviews and incidents, with the names of who recorded them',
        why: 'The decision as made, and the partnership’s monitoring',
        howLong: 'Permanently: they are the record the decision is defended with',
      },
      audit: {
        title: 'The audit trail',
        what: 'The audit trail: which account did what and when (by account number, not by name), hash-chained',
        why: 'Proving what happened, in order',
        howLong: 'Permanently: it cannot be changed or deleted',
      },
      'signed-records': {
        title: 'Signed decision records',
        what: 'Signed decision records and addenda (PDF), which name the proposer, reviewers, authors of named concerns and signatories',
        why: 'The decision as signed: anyone holding a copy can check it is genuine',
        howLong: 'Permanently and unchanged, including after an erasure: changing a signed record would make it fail verification',
      },
      administration: {
        title: 'Rules and settings',
        what: 'What administrators set up: rubric versions, indicator library entries and settings, with who made them',
        why: 'Knowing which version of the rules a decision used',
        howLong: 'Permanently',
      },
      public: {
        title: 'Members of the public',
        what: 'Nothing about members of the public who read a public register or check a record: no account, no tracking, and logs hold no network addresses',
      },
    } satisfies Record<HoldingKey, HoldingWords>,
    anonymousHeading: 'Anonymous concerns',
    anonymous:
      'Staff may raise and endorse concerns anonymously. Probity stores no link between an anonymous concern or endorsement and the person who wrote it: no account, no session, no network address, no time of day. It cannot tell anyone who wrote one, and a subject access export does not list them for the same reason.',
    rightsHeading: 'Your rights',
    access:
      'You may ask for a copy of everything Probity holds about you (a subject access request). Ask your library service, in writing, to its data protection officer or to an administrator of Probity: an administrator exports it as a readable page and as a machine-readable file. The service must answer within one month.',
    erasure:
      'You may ask for your data to be erased where the law allows. Because the decisions Probity records are a public body’s record, erasure replaces your name and e-mail address with a pseudonym everywhere Probity shows them, closes your account and ends your sessions; what you did stays in the record under the pseudonym.',
    signedRecords:
      'Signed decision records already issued are kept unchanged after an erasure: they are signed documents, and any change would make them fail verification. Audit entries written before 7 December 2026 that name a signatory also stay as they are, because the audit trail cannot be changed.',
    complaint: 'If you are unhappy with how your data is handled, you may complain to the Information Commissioner’s Office: <ico>ico.org.uk</ico>.',
    accessibility: 'How accessible Probity is, and how to report a problem, is in its <accessibility>accessibility statement</accessibility>.',
    prepared: 'This notice was prepared on 7 December 2026.',
  },
} as const
