// The 'auth' namespace in English: signing in and out, passwords, single sign-on.
export default {
  login: {
    title: 'Sign in',
    passwordChosen: 'Password set. Sign in with it now.',
    passwordReset: 'Password changed. You have been signed out everywhere; sign in with the new one.',
    serviceSso: '{{service}} signs in through its identity provider.',
    signInWith: 'Sign in with {{provider}}',
    ssoHeading: 'Single sign-on',
    ssoHint: 'If your library service signs in through Microsoft, Google or another identity provider.',
    ssoEmail: 'Work e-mail (single sign-on)',
    ssoContinue: 'Continue with single sign-on',
    passwordHeading: 'With your password',
    passwordHint: 'Use the e-mail address your library service registered for you.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
  },
} as const
