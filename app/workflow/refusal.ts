/**
 * The one way a use case says no: in words a person can act on, with the HTTP
 * status a route answers with, and (for a form) the field the message belongs
 * beside, as Conform names it.
 */
export type Refusal = {
  ok: false
  status: 400 | 403 | 404 | 409 | 429 | 503
  message: string
  field?: string
}

export function refuse(status: Refusal['status'], message: string, field?: string): Refusal {
  return field === undefined ? { ok: false, status, message } : { ok: false, status, message, field }
}

/** A domain write refused inside the transaction (e.g. a duplicate endorsement); rolls it back. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly status: Refusal['status'] = 400,
  ) {
    super(message)
  }
}

/** How a form shows a refusal: beside its field when it names one, else above the form. */
export function refusalReply(refusal: { message: string; field?: string }) {
  return refusal.field ? { fieldErrors: { [refusal.field]: [refusal.message] } } : { formErrors: [refusal.message] }
}

/** For routes: a refusal becomes the matching HTTP answer. */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(refusal.message, { status: refusal.status })
}
