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
  people: {
    theirName: 'Enter their full name',
    yourName: 'Enter your full name',
    adminName: 'Enter the administrator’s full name',
    theirEmail: 'Enter their e-mail address',
    yourEmail: 'Enter your e-mail address',
    adminEmail: 'Enter the administrator’s e-mail address',
    emailTooLong: 'That e-mail address is too long',
    emailInvalid: 'Enter an e-mail address like name@example.org',
    tooLong: 'Use at most {{max}} characters',
    rolesRequired: 'Choose at least one role',
    rolesUnknown: 'Choose roles from the list',
    serviceName: 'Enter the library service’s name',
    setupToken: 'Enter the setup token from the server’s log',
    setupTokenInvalid: 'That is not a setup token',
  },
  password: {
    required: 'Enter a password',
    newRequired: 'Enter a new password',
    currentRequired: 'Enter your current password',
    tooShort: 'Use at least {{min}} characters',
    tooLong: 'That password is too long',
    sameAsCurrent: 'Choose a password different from your current one',
  },
  settings: {
    languages: 'Choose which languages your service works in',
  },
} as const
