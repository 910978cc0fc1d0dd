import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { findRubricVersion, listRubricVersions } from '#db/screening.server'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { bandRanges, RISK_BANDS } from '#machines/vocabulary/risk'
import { RISK_BAND_LABELS } from '#machines/vocabulary/labels'
import { currentRubric } from '~/workflow/screening/screening.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('Screening rubric', 'Administration')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const db = await getDb()
  const current = await currentRubric(db, admin.organisationId)
  const asked = new URL(request.url).searchParams.get('version')
  const shown = asked === null ? current : await findRubricVersion(db, admin.organisationId, Number.parseInt(asked, 10) || 0)
  if (!shown) notFound('Your service has no rubric version with that number.')
  const versions = await listRubricVersions(db, admin.organisationId)
  return {
    current: current.version,
    shown: { version: shown.version, createdAt: shown.createdAt.toISOString().slice(0, 10), content: shown.content },
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString().slice(0, 10) })),
  }
}

export default function Rubric() {
  const { current, shown, versions } = useLoaderData<typeof loader>()
  const ranges = bandRanges(shown.content.bands)
  return (
    <>
      <h1>Screening rubric</h1>
      <p>
        Version {shown.version}, from {shown.createdAt}
        {shown.version === current ? ' (in force)' : ''}. Each proposal is screened with the version in force when it
        was submitted; editing makes a new version and leaves past reviews as they were.
      </p>
      {shown.version === current ? (
        <p>
          <Link className="button" to="edit">
            Edit the rubric
          </Link>
        </p>
      ) : (
        <p>
          <Link to=".">See the version in force</Link>
        </p>
      )}
      <h2>Scale and bands</h2>
      <p>
        Reviewers rate likelihood and impact from 1 to 5; the score is their product, from 1 to 25. Reviewers{' '}
        {shown.content.disagreementBands} or more bands apart on a criterion are flagged as disagreeing.
      </p>
      <ul>
        {RISK_BANDS.map((b) => (
          <li key={b}>
            {RISK_BAND_LABELS[b]}: score {ranges[b]}
          </li>
        ))}
      </ul>
      <h2>Criteria</h2>
      {shown.content.criteria.map((c) => (
        <section key={c.key} aria-labelledby={`criterion-${c.key}`} className="panel">
          <h3 id={`criterion-${c.key}`}>{c.name}</h3>
          <p>{c.description}</p>
          <p className="muted">Serves: {c.principles.join('; ')}</p>
          <ul>
            {c.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Privacy checklist for partners and vendors</h2>
      <DataTable caption="Answered yes, no or not applicable by each reviewer; a “no” to a required item blocks">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Required</th>
            <th scope="col">Guidance</th>
          </tr>
        </thead>
        <tbody>
          {shown.content.privacyItems.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.question}</th>
              <td>{p.required ? 'Required' : 'Optional'}</td>
              <td>{p.guidance}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>Versions</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            {v.version === shown.version ? (
              <strong aria-current="page">Version {v.version}</strong>
            ) : (
              <Link to={`?version=${v.version}`}>Version {v.version}</Link>
            )}{' '}
            ({v.createdAt})
          </li>
        ))}
      </ul>
    </>
  )
}
