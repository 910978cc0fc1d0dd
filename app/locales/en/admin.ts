// The 'admin' namespace in English: the administrator's pages.
export default {
  settings: {
    languages: {
      legend: 'Languages',
      hint: 'The languages your service works in. With both, everyone chooses their own with the switch at the top of every page.',
      en: 'English only',
      cy: 'Welsh only',
      both: 'Welsh and English',
    },
  },
  outbox: {
    title: 'E-mail outbox',
    intro: 'No mail server is configured (SMTP_URL), so Probity keeps the e-mail it would have sent here instead of sending it. In-app notifications are delivered as usual.',
    empty: 'No e-mail has been queued.',
    meta: 'To {{to}} · {{at}} UTC · {{status}}',
    status: { captured: 'kept, not sent', pending: 'pending', sent: 'sent', failed: 'failed' },
  },
  setup: {
    title: 'Set up Probity',
    intro: 'Probity holds no library service yet. Create yours and its first administrator: you. You then add everyone else under People.',
    token: 'Setup token',
    tokenHint: 'Printed in the server’s log when Probity started, after “enter this one-time setup token”.',
    serviceName: 'Library service’s name',
    you: 'You, its first administrator',
    yourName: 'Your full name',
    yourEmail: 'Your e-mail address',
    yourEmailHint: 'You sign in with it.',
    password: 'Choose a password',
    passwordHint_one: 'At least {{count}} character.',
    passwordHint_other: 'At least {{count}} characters.',
    submit: 'Create the library service',
    throttled: 'Too many wrong setup tokens. Wait {{minutes}} minutes and try again.',
    wrongToken: 'That is not the setup token. Copy it from the server’s log, printed when Probity started.',
    emailTaken: 'Someone already has an account with this e-mail address',
  },
} as const
