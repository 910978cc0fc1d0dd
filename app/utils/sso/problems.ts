/**
 * Why a single sign-on came back refused, as a fixed code carried in the
 * address (never the identity provider's own text) and the words people read.
 */
export const SSO_PROBLEMS = {
  expired: 'That sign-in took too long or was already used. Start again.',
  cancelled: 'The identity provider did not sign you in. Start again, or sign in with your password if your service allows it.',
  audience: 'Single sign-on refused: the identity provider’s token was issued for another application (wrong audience). Nothing was changed. Ask your administrator to check the client ID.',
  issuer: 'Single sign-on refused: the token came from an issuer other than the one your service set. Nothing was changed.',
  token_expired: 'Single sign-on refused: the identity provider’s token has expired. Check this computer’s clock, then start again.',
  nonce: 'Single sign-on refused: the token does not belong to this sign-in (wrong nonce), so it may have been replayed. Nothing was changed. Start again.',
  signature: 'Single sign-on refused: the token’s signature does not match the identity provider’s keys, so it may have been altered. Nothing was changed.',
  unsigned: 'Single sign-on refused: the token is not signed with an algorithm Probity accepts (an unsigned token is never accepted). Nothing was changed.',
  stale: 'Signing needs a fresh sign-in at your identity provider, and it reported an earlier one. Sign the decision again.',
  unverified: 'Single sign-on refused: your identity provider did not confirm that your e-mail address is verified. Ask your administrator.',
  domain: 'Single sign-on refused: your e-mail domain is not one this library service allows. No account was created. Ask your administrator.',
  inactive: 'Your account has been deactivated. Ask your administrator.',
  other_service: 'That e-mail address belongs to another library service. Ask your administrator.',
  wrong_person: 'Signing needs you to sign in again as yourself at the identity provider; it signed in someone else. Nothing was signed.',
  sign_changed: 'Nothing was signed: the decision changed while you were at the identity provider. Read it again before you sign.',
  sign_refused: 'Nothing was signed: you cannot sign this now. It may need a different signatory, or you have signed it already.',
  sign_unavailable: 'Nothing was signed: the signed record could not be produced. Ask an administrator to check the signing certificate, then sign again.',
  unavailable: 'The identity provider could not be reached or answered in a way Probity cannot use. Try again later, or ask your administrator to check the single sign-on settings.',
} as const

export type SsoProblem = keyof typeof SSO_PROBLEMS

export function ssoProblemMessage(code: string | null | undefined): string | undefined {
  return code && Object.hasOwn(SSO_PROBLEMS, code) ? SSO_PROBLEMS[code as SsoProblem] : undefined
}
