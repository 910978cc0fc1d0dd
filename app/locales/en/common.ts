// The 'common' namespace in English: layout, header, footer, menus, buttons and
// error pages. The source of the key set (docs/decisions/030-internationalisation.md).
export default {
  service: 'Probity',
  title: {
    page: '{{page}} – Probity',
    error: 'Error – Probity',
  },
  skipLink: 'Skip to main content',
  header: {
    mainNavigation: 'Main',
    signedInAs: 'Signed in as <strong>{{name}}</strong>',
    notifications: 'Notifications',
    unread: 'unread',
    changePassword: 'Change password',
    signOut: 'Sign out',
    signIn: 'Sign in',
    menu: 'Menu',
  },
  nav: {
    home: 'Home',
    proposals: 'Proposals',
    register: 'Register',
    people: 'People',
    settings: 'Settings',
    singleSignOn: 'Single sign-on',
    rubric: 'Rubric',
    indicators: 'Indicators',
    verify: 'Verify a record',
    libraryServices: 'Library services',
  },
  footer: {
    publicInformation: 'Public information',
    ownRegister: 'Our public register of decisions',
    publicRegisters: 'Public registers',
    verify: 'Verify a signed record',
    accessibility: 'Accessibility',
    privacy: 'Privacy',
  },
  language: {
    switchLabel: 'Language',
    // Each language is named in itself, whatever the page's language.
    en: 'English',
    cy: 'Cymraeg',
  },
  form: {
    errorPrefix: 'Error: ',
    choose: 'Choose…',
  },
  error: {
    status: 'Error {{status}}',
    home: 'Go to your home page',
    fallbackTitle: 'Something went wrong',
    fallbackBody: 'The error has been logged. Try again in a moment.',
    '400': { title: 'That request could not be understood', body: 'Check what you entered and try again.' },
    '403': { title: 'You do not have permission to see this', body: 'Ask your service’s administrator if you think you should.' },
    '404': { title: 'Page not found', body: 'The page or record does not exist, or is not part of your library service.' },
    '409': { title: 'Someone else changed this', body: 'Reload the page to see the latest version, then try again.' },
    '413': { title: 'That is too large', body: 'Send something smaller and try again.' },
    '429': { title: 'Too many attempts', body: 'Wait a few minutes and try again.' },
    '503': {
      title: 'Probity is briefly unavailable',
      body: 'It cannot reach its database just now. Try again in a minute; if you were saving something, check afterwards whether it was saved.',
    },
  },
  count: {
    unread_one: '{{count}} unread',
    unread_other: '{{count}} unread',
  },
  notFound: {
    page: 'Page not found',
    proposal: 'Proposal not found',
    concern: 'Concern not found',
    record: 'Record not found',
    attachment: 'Attachment not found',
    addendum: 'Addendum not found',
    // Not a 404, but the same kind of plain refusal of a request that cannot be acted on.
    unexpectedForm: 'That request was not in the expected form.',
  },
  refusals: {
    conflict: 'This proposal was changed by someone else. Reload the page to see the latest version, then try again.',
    notAllowed: 'That action is not available to you at this stage.',
  },
  // Plain refusals a server answers with, shown on the error page.
  errors: {
    operatorNoRecords: 'Operators manage library services and see none of their records.',
    noPermission: 'You do not have permission to do that.',
    noSuchRegister: 'No such register',
    chooseLanguage: 'Choose English or Cymraeg.',
    noSigningCertificate: 'No signing certificate is installed.',
    recordUnreadable: 'The stored copy of this record cannot be read. Ask an administrator to restore it from a backup.',
    attachmentMissing: 'The file of this attachment is missing; tell your administrator.',
    addendumUnreadable: 'The stored copy of this addendum cannot be read. Ask an administrator to restore it from a backup.',
  },
} as const
