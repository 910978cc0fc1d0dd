import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { listPublishedRegisters } from '#db/public-register.server'
import { getDb } from '~/utils/app-context.server'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = () => pageTitle('Public registers of partnership decisions')

/** The way in for the public: every library service here that publishes its register. */
export async function loader() {
  return { services: await listPublishedRegisters(await getDb()) }
}

export default function PublicRegisters() {
  const { services } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Public registers of partnership decisions</h1>
      <p>
        Library services using Probity may publish every commercial partnership they decide on, with the reasons and
        conditions, and the signed record anyone can verify.
      </p>
      {services.length === 0 ? (
        <p>No library service publishes a register here yet.</p>
      ) : (
        <ul>
          {services.map((s) => (
            <li key={s.slug}>
              <Link to={`/public/${s.slug}/register`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        Hold a signed decision record? <Link to="/verify">Check that it is genuine</Link>.
      </p>
    </>
  )
}
