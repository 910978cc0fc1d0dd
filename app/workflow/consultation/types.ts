import { type SessionUser } from '~/utils/auth.server'

/** Who acts: a signed-in user, or a factory user in tests and the demo seed. */
export type Person = Pick<SessionUser, 'id' | 'roles' | 'organisationId'>

/**
 * A consultation use case either applies its event or says, in words a person
 * can act on, why not; `field` names the form field the message belongs to.
 */
export type Refused = {
  ok: false
  status: 400 | 403 | 404 | 409 | 429 | 503
  message: string
  field?: string
}

export function refuse(status: Refused['status'], message: string, field?: string): Refused {
  return { ok: false, status, message, field }
}

/** How a form shows a refusal: beside its field when it names one, else above the form. */
export function refusalReply(refusal: { message: string; field?: string }) {
  return refusal.field
    ? { fieldErrors: { [refusal.field]: [refusal.message] } }
    : { formErrors: [refusal.message] }
}
