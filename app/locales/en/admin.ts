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
} as const
