import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { requireAdministeredPerson } from '~/identity/administered-person.server'
import { exportPersonData, type PersonExport } from '~/identity/export-person-data.server'
import { notFound } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

// The page's words, together so that they move into the message catalogues in one piece.
const TEXT = {
  title: (name: string) => `Personal data held about ${name}`,
  back: 'Back to their page',
  intro: (organisation: string, at: string) =>
    `Everything Probity holds about this person in ${organisation}, as of ${at} UTC: the answer to a subject access request. Print this page, or give them the file.`,
  download: 'Download as a JSON file (machine-readable)',
  proposalsHeading: 'Proposals mentioned below',
  none: 'None.',
  anonymousHeading: 'Anonymous concerns and endorsements',
  signedHeading: 'Signed records',
  sections: {
    account: 'Account',
    sessions: 'Sign-in sessions',
    accountLinks: 'Invitation and password-reset links',
    singleSignOnInProgress: 'Single sign-on in progress',
    notifications: 'Notices in Probity',
    emails: 'E-mail',
    proposalsProposed: 'Proposals they proposed',
    chosenAsReviewer: 'Proposals they were chosen to review',
    attachmentsUploaded: 'Papers they attached',
    rubricVersions: 'Screening rubric versions they made',
    indicatorsCreated: 'Indicators they added to the library',
    screeningParts: 'Their part in screenings (declarations of interest)',
    scores: 'Scores they wrote',
    privacyAnswers: 'Privacy checklist answers they gave',
    professionalBody: 'Professional body consultations they requested, recorded or closed',
    recommendationsAnswered: 'Recommendations they answered',
    staffConsultationsOpened: 'Staff consultations they opened',
    unionResponsesRecorded: 'Union responses they recorded',
    namedConcerns: 'Concerns they raised under their name',
    concernsAnswered: 'Concerns they answered or hid',
    namedEndorsements: 'Concerns they endorsed under their name',
    decisionsRecorded: 'Decisions they recorded',
    signatures: 'Decisions they signed',
    monitoringResponsibleFor: 'Monitoring they are responsible for',
    reassessmentsRecorded: 'Reassessment outcomes they proposed',
    reassessmentSignatures: 'Reassessment outcomes they signed',
    monitoringReviews: 'Monitoring reviews they recorded',
    incidents: 'Incidents they recorded',
    auditEntries: 'Audit trail entries naming them as the one who acted',
    serviceAuditEntries: 'Entries in the service’s own trail about them',
  } satisfies Partial<Record<keyof PersonExport, string>>,
  yes: 'yes',
  no: 'no',
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? TEXT.title(data.exported.account.name) : undefined, 'People')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  const exported = await exportPersonData(db, admin.organisation, person.id)
  if (!exported) notFound('That person is not part of your library service.')
  return { exported }
}

/** "createdAt" → "Created at": the export's field names, as a reader sees them. */
function fieldLabel(key: string) {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? TEXT.yes : TEXT.no
  if (Array.isArray(value)) return value.map(valueText).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function Facts({ row, references }: { row: Record<string, unknown>; references: Map<string, string> }) {
  return (
    <dl className="facts">
      {Object.entries(row).map(([key, value]) => (
        <div key={key}>
          <dt>{key === 'proposalId' ? 'Proposal' : fieldLabel(key)}</dt>
          <dd>{key === 'proposalId' ? (references.get(String(value)) ?? String(value)) : valueText(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

export default function PersonData() {
  const { exported } = useLoaderData<typeof loader>()
  const references = new Map(exported.proposals.map((p) => [p.id, `${p.reference}: ${p.title}`]))
  return (
    <>
      <p>
        <Link to={`/admin/users/${exported.account.id}`}>{TEXT.back}</Link>
      </p>
      <h1>{TEXT.title(exported.account.name)}</h1>
      <p>{TEXT.intro(exported.organisation, exported.exportedAt.replace('T', ' ').slice(0, 16))}</p>
      <p>
        <a href={`/admin/users/${exported.account.id}/data.json`} download>
          {TEXT.download}
        </a>
      </p>

      <section aria-labelledby="export-anonymous">
        <h2 id="export-anonymous">{TEXT.anonymousHeading}</h2>
        <p>{exported.anonymousContributions}</p>
      </section>
      <section aria-labelledby="export-signed">
        <h2 id="export-signed">{TEXT.signedHeading}</h2>
        <p>{exported.signedRecords}</p>
      </section>

      {(Object.keys(TEXT.sections) as (keyof typeof TEXT.sections)[]).map((key) => {
        const value = exported[key] as Record<string, unknown> | Record<string, unknown>[]
        const rows = Array.isArray(value) ? value : [value]
        return (
          <section key={key} aria-labelledby={`export-${key}`}>
            <h2 id={`export-${key}`}>{TEXT.sections[key]}</h2>
            {rows.length === 0 ? (
              <p>{TEXT.none}</p>
            ) : (
              <ol>
                {rows.map((row, i) => (
                  <li key={i}>
                    <Facts row={row} references={references} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        )
      })}

      <section aria-labelledby="export-proposals">
        <h2 id="export-proposals">{TEXT.proposalsHeading}</h2>
        {exported.proposals.length === 0 ? (
          <p>{TEXT.none}</p>
        ) : (
          <ul>
            {exported.proposals.map((p) => (
              <li key={p.id}>
                {p.reference}: {p.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
