// The 'email' namespace in English: e-mails and the in-app notices that share
// their words. The source of the key set (docs/decisions/030-internationalisation.md).
export default {
  // A bilingual e-mail (docs/decisions/034-e-mail-in-the-recipient-language.md) opens with this line in each language.
  bilingual: {
    englishBelow: 'The English version follows the Welsh.',
  },
  dear: 'Dear {{name}},',
  hello: 'Hello {{name}},',
  signature: '— Probity, {{service}}',
  roles: {
    admin: 'Administrator',
    chief_librarian: 'Chief librarian',
    reviewer: 'Ethics reviewer',
    staff: 'Staff',
    signatory: 'Signatory',
  },
  invitation: {
    subject: 'You are invited to Probity at {{service}}',
    added: '{{service}} has added you to Probity, where the library service decides on commercial partnerships in the open.',
    choose: 'Choose your password with this link (it works once):',
    expires: 'The link expires at {{when}}. If it has expired, ask your administrator to send a new one.',
    signInAs: 'You will sign in with this e-mail address: {{email}}',
  },
  reset: {
    subject: 'Reset your Probity password',
    asked: 'Someone (we hope you) asked to reset your Probity password. Choose a new one with this link (it works once):',
    expires: 'The link expires at {{when}}. Setting a new password signs you out everywhere else.',
    ignore: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  },
  consultationOpened: {
    title: 'Staff consultation open: {{title}}',
    body: 'Read the summary and raise any concerns, with your name or anonymously, by {{date}}.',
    intro: 'Your library service is consulting staff on a proposed partnership with {{partner}}: {{title}}.',
    anonymous: 'Anonymous concerns are stored without your name, account or the time of day.',
  },
  concernAnswered: {
    title: 'Your concern about {{title}} has a response',
    body: 'The response is published with your concern.',
  },
  concernsReleased: {
    title_one: 'An anonymous concern about {{title}}',
    title_other: '{{count}} anonymous concerns about {{title}}',
    body: 'Released together with today’s batch; read and answer them on the consultation page.',
  },
  consultationClosing: {
    title: 'The staff consultation on {{title}} closes on {{date}}',
    body: 'Every concern needs an answer before the consultation can be completed.',
  },
  signaturesAwaited: {
    title: 'The decision on {{title}} awaits your signature',
    body: 'Read the decision and sign it, or say why not, so that its record can be issued.',
  },
  reviewDue: {
    title: 'Review {{slot}} of {{title}} is due on {{date}}',
    body: 'Record it with the indicators’ values and the conditions’ status by then.',
  },
  reviewOverdue: {
    title: 'Review {{slot}} of {{title}} is overdue',
    body: 'It was due on {{date}}. Record it with the indicators’ values and the conditions’ status.',
  },
  ssoProvisioned: {
    title: 'New person by single sign-on: {{name}}',
    body: '{{name}} ({{email}}) signed in with {{provider}} for the first time and was given the role {{role}}. Check their roles under People.',
  },
  waiting: {
    sign_decision: {
      title: 'The decision on {{title}} awaits your signature',
      body: 'Read the decision and sign it with your password so that its record can be issued.',
    },
    sign_reassessment: {
      title: 'The reassessment outcome on {{title}} awaits your signature',
      body: 'It has been signed once and needs yours to be settled. Read it and sign it with your password.',
    },
    sign_suspension: {
      title: 'The suspension outcome on {{title}} awaits your signature',
      body: 'It has been signed once and needs yours to be settled. Read it and sign it with your password.',
    },
    declare_interests: {
      title: 'You are a reviewer of {{title}}',
      body: 'Declare any conflict of interest first; then score the criteria and answer the privacy checklist.',
    },
    submit_review: {
      title: 'Your review of {{title}} is awaited',
      body: 'Score the criteria and answer the privacy checklist, then submit your review.',
    },
    answer_recommendation: {
      title: 'The professional body’s recommendations on {{title}} await your answer',
      body: 'Say for each recommendation whether it is accepted, and why.',
    },
    answer_concern: {
      title: 'Staff concerns about {{title}} await your answer',
      body: 'Publish a response to each concern before the consultation can be completed.',
    },
    record_review: {
      title: 'A monitoring review of {{title}} is due',
      body: 'Record it with the indicators’ values and the conditions’ status.',
    },
  },
} as const
