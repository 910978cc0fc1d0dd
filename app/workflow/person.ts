import { type SessionUser } from '~/utils/auth.server'

/** Who acts: a signed-in user, or a factory user in tests and the demo seed. */
export type Person = Pick<SessionUser, 'id' | 'roles' | 'organisationId'>
