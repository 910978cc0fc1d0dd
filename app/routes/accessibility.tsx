import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { getUser, isOperator } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

// The page's words, together so that they move into the message catalogues in one piece.
const TEXT = {
  title: 'Accessibility statement',
  intro:
    'This statement applies to Probity at this address: its pages, the public registers of decisions and the pages that verify a signed record. We want as many people as possible to be able to use it. You should be able to:',
  can: [
    'use it at 320 pixels wide, or zoomed to 400%, without scrolling sideways',
    'use every part of it with a keyboard alone, starting with a link that skips to the main content',
    'use it with a screen reader: pages have headings in order, labelled form fields, and errors given beside the field they concern',
    'tap every control: each is at least 24 by 24 pixels, or spaced to the same effect',
  ],
  statusHeading: 'How accessible it is',
  status:
    'Probity is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard, because of the exception listed below.',
  gapsHeading: 'What is not accessible',
  gaps: [
    'Signed decision records and addenda are PDF files without tags: a screen reader cannot follow their structure, and their charts and QR code have no text alternative inside the PDF. Every record has an accessible web page with exactly the same content, at /verify/<record>/record, linked from the record itself and from its verification page.',
    'Papers attached to proposals are published as the proposer uploaded them; Probity does not check them.',
  ],
  verifyBefore: 'To check a signed record and find its accessible page, use the ',
  verifyLink: 'verify page',
  privacyBefore: 'How Probity handles personal data is in its ',
  privacyLink: 'privacy notice',
  testingHeading: 'How we tested it',
  testing:
    'Every change to Probity runs automated browser tests that open its pages in Chromium and check each page with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules; check each at 320 by 640 pixels for sideways scrolling and for controls smaller than 24 by 24 pixels; and fill in and submit forms with the keyboard. Automated checks find only some problems. Probity has not yet been audited by people using assistive technology.',
  reportHeading: 'Reporting a problem, or asking for another format',
  reportTo: (service: string) =>
    `If you find a problem, or need information from Probity in another format, contact ${service}. Say which page, what you were trying to do, and what happened.`,
  reportGeneric:
    'If you find a problem, or need information from Probity in another format, contact the library service whose pages or records you were using. Say which page, what you were trying to do, and what happened.',
  enforcementHeading: 'Enforcement procedure',
  enforcement:
    'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 in England, Scotland and Wales. If you are not happy with how your complaint is answered, contact the ',
  eass: 'Equality Advisory and Support Service (EASS)',
  northernIreland: 'In Northern Ireland, contact the ',
  ecni: 'Equality Commission for Northern Ireland (ECNI)',
  prepared: 'This statement was prepared on 7 December 2026, from the checks Probity’s tests make. It will be reviewed when those checks change, and at least once a year.',
}

export const meta: MetaFunction = () => pageTitle(TEXT.title)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return { service: user && !isOperator(user) ? user.organisation.name : null }
}

export default function Accessibility() {
  const { service } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <ul>
        {TEXT.can.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>

      <h2>{TEXT.statusHeading}</h2>
      <p>{TEXT.status}</p>

      <h2>{TEXT.gapsHeading}</h2>
      <ul>
        {TEXT.gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>

      <h2>{TEXT.testingHeading}</h2>
      <p>{TEXT.testing}</p>

      <h2>{TEXT.reportHeading}</h2>
      <p>{service ? TEXT.reportTo(service) : TEXT.reportGeneric}</p>

      <h2>{TEXT.enforcementHeading}</h2>
      <p>
        {TEXT.enforcement}
        <a href="https://www.equalityadvisoryservice.com/">{TEXT.eass}</a>.
      </p>
      <p>
        {TEXT.northernIreland}
        <a href="https://www.equalityni.org/Home">{TEXT.ecni}</a>.
      </p>

      <p>
        {TEXT.verifyBefore}
        <Link to="/verify">{TEXT.verifyLink}</Link>.
      </p>
      <p>
        {TEXT.privacyBefore}
        <Link to="/privacy">{TEXT.privacyLink}</Link>.
      </p>
      <p>{TEXT.prepared}</p>
    </>
  )
}
