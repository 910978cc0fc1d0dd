import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { appContext } from '~/utils/app-context.server'
import { getUser, isOperator } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { HOLDINGS, PERSON_CATEGORIES, type PersonCategory, type RetentionSettings } from '~/utils/retention'

// The page's words, together so that they move into the message catalogues in one piece.
const TEXT = {
  title: 'Privacy notice',
  intro:
    'Probity is where a public library service decides, in the open and on the record, whether to enter a commercial partnership. This notice says what it keeps about people, why, and for how long. It is generated from the same table the daily deletion job runs from, so the periods below are the ones Probity applies.',
  controllerHeading: 'Who is responsible for your data',
  controllerOf: (service: string) =>
    `${service} is the controller of the personal data it keeps in Probity. Whoever hosts Probity for it processes that data on its behalf and sees no proposal, concern or decision.`,
  controllerGeneric:
    'Each library service using Probity is the controller of the personal data it keeps here. Whoever hosts Probity for it processes that data on its behalf and sees no proposal, concern or decision.',
  basisHeading: 'Why Probity may hold it',
  basis:
    'The lawful basis is public task (UK GDPR Article 6(1)(e)): a library service must be able to show how, by whom and on what evidence it decided to enter or refuse a commercial partnership.',
  heldHeading: 'What Probity keeps, why, and for how long',
  what: 'What',
  about: 'About',
  why: 'Why',
  howLong: 'How long',
  keptAfterErasure: 'Kept after an erasure',
  anonymousHeading: 'Anonymous concerns',
  anonymous:
    'Staff may raise and endorse concerns anonymously. Probity stores no link between an anonymous concern or endorsement and the person who wrote it: no account, no session, no network address, no time of day. It cannot tell anyone who wrote one, and a subject access export does not list them for the same reason.',
  rightsHeading: 'Your rights',
  access:
    'You may ask for a copy of everything Probity holds about you (a subject access request). Ask your library service, in writing, to its data protection officer or to an administrator of Probity: an administrator exports it as a readable page and as a machine-readable file. The service must answer within one month.',
  erasure:
    'You may ask for your data to be erased where the law allows. Because the decisions Probity records are a public body’s record, erasure replaces your name and e-mail address with a pseudonym everywhere Probity shows them, closes your account and ends your sessions; what you did stays in the record under the pseudonym.',
  signedRecords:
    'Signed decision records already issued are kept unchanged after an erasure: they are signed documents, and any change would make them fail verification. Audit entries written before 7 December 2026 that name a signatory also stay as they are, because the audit trail cannot be changed.',
  complaint: 'If you are unhappy with how your data is handled, you may complain to the Information Commissioner’s Office: ',
  icoName: 'ico.org.uk',
  categories: {
    everyone_with_an_account: 'everyone with an account',
    proposers: 'chief librarians who propose',
    reviewers: 'ethics reviewers',
    staff: 'staff',
    signatories: 'signatories',
    administrators: 'administrators',
    public: 'members of the public',
  } satisfies Record<PersonCategory, string>,
  accessibilityBefore: 'How accessible Probity is, and how to report a problem, is in its ',
  accessibility: 'accessibility statement',
  prepared: 'This notice was prepared on 7 December 2026.',
}

export const meta: MetaFunction = () => pageTitle(TEXT.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ config }, user] = await Promise.all([appContext(), getUser(request)])
  const settings: RetentionSettings = {
    outboxRetentionDays: config.OUTBOX_RETENTION_DAYS,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    invitationTtlDays: config.INVITATION_TTL_DAYS,
  }
  return { settings, service: user && !isOperator(user) ? user.organisation.name : null }
}

export default function Privacy() {
  const { settings, service } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>

      <h2>{TEXT.controllerHeading}</h2>
      <p>{service ? TEXT.controllerOf(service) : TEXT.controllerGeneric}</p>

      <h2>{TEXT.basisHeading}</h2>
      <p>{TEXT.basis}</p>

      <h2>{TEXT.heldHeading}</h2>
      {HOLDINGS.map((h) => (
        <section key={h.key} aria-labelledby={`held-${h.key}`}>
          <h3 id={`held-${h.key}`}>{h.title}</h3>
          <dl className="facts">
            <dt>{TEXT.what}</dt>
            <dd>{h.what}</dd>
            <dt>{TEXT.about}</dt>
            <dd>{PERSON_CATEGORIES.filter((c) => h.about.includes(c)).map((c) => TEXT.categories[c]).join(', ')}</dd>
            {h.why !== '—' ? (
              <>
                <dt>{TEXT.why}</dt>
                <dd>{h.why}</dd>
                <dt>{TEXT.howLong}</dt>
                <dd>
                  {h.howLong(settings)}
                  {h.keptAfterErasure ? `. ${TEXT.keptAfterErasure}.` : '.'}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ))}

      <h2>{TEXT.anonymousHeading}</h2>
      <p>{TEXT.anonymous}</p>

      <h2>{TEXT.rightsHeading}</h2>
      <p>{TEXT.access}</p>
      <p>{TEXT.erasure}</p>
      <p>{TEXT.signedRecords}</p>
      <p>
        {TEXT.complaint}
        <a href="https://ico.org.uk/make-a-complaint/">{TEXT.icoName}</a>.
      </p>
      <p>
        {TEXT.accessibilityBefore}
        <Link to="/accessibility">{TEXT.accessibility}</Link>.
      </p>
      <p>{TEXT.prepared}</p>
    </>
  )
}
