// The 'validation' namespace in English: the messages zod schemas name by key
// (docs/decisions/030-internationalisation.md, "Validation messages").
export default {
  signIn: {
    emailRequired: 'Enter your e-mail address',
    emailTooLong: 'That e-mail address is too long',
    emailInvalid: 'Enter an e-mail address like name@example.org',
    passwordRequired: 'Enter your password',
    passwordTooLong: 'That password is too long',
  },
  settings: {
    languages: 'Choose which languages your service works in',
  },
  intake: {
    unreadableUpload: 'That upload could not be read. Try again.',
    unexpectedForm: 'That request was not in the expected form.',
  },
  overview: {
    reasonRequired: 'Give a reason',
  },
} as const
