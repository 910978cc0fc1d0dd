import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChiefDashboardSections } from '~/components/dashboard/chief-dashboard'
import { ReviewerDashboardSection } from '~/components/dashboard/reviewer-dashboard'
import { WaitingForYou } from '~/components/dashboard/waiting-for-you'
import { StaffDashboardSection } from '~/components/dashboard/staff-dashboard'
import { getDb } from '~/utils/app-context.server'
import { hasRole, isOperator, requireAccount, requireUser } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { signingCertificateProblem } from '~/signing/certificate-warning.server'
import { SigningCertificateWarning } from '~/signing/certificate-warning'
import { serviceDate } from '~/utils/calendar'
import { waitingFor } from '~/workflow/waiting/waiting-for-you.server'
import { chiefDashboard, reviewerDashboard, staffDashboard } from '~/workflow/dashboards/dashboards.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'proposal')('home.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  if (isOperator(await requireAccount(request))) throw redirect('/operator')
  const user = await requireUser(request)
  const db = await getDb()
  const today = serviceDate(new Date())
  // Each role sees its own sections; a person with several roles sees each.
  const [waiting, chief, reviewer, staff] = await Promise.all([
    waitingFor(db, user, today),
    hasRole(user, 'chief_librarian') ? chiefDashboard(db, user, today) : null,
    hasRole(user, 'reviewer') ? reviewerDashboard(db, user) : null,
    hasRole(user, 'staff') ? staffDashboard(db, user) : null,
  ])
  return {
    name: user.name,
    organisationName: user.organisation.name,
    isAdmin: hasRole(user, 'admin'),
    // Administrators only: the message names the certificate's file.
    signingProblem: hasRole(user, 'admin') ? await signingCertificateProblem() : null,
    waiting,
    chief,
    reviewer,
    staff,
  }
}

export default function Home() {
  const d = useLoaderData<typeof loader>()
  const { t } = useTranslation('proposal')
  return (
    <>
      <h1>{t('home.welcome', { name: d.name })}</h1>
      <p className="muted">{d.organisationName}</p>
      <SigningCertificateWarning problem={d.signingProblem} />
      <WaitingForYou items={d.waiting} />
      {d.chief ? <ChiefDashboardSections d={d.chief} /> : null}
      {d.reviewer ? <ReviewerDashboardSection d={d.reviewer} /> : null}
      {d.staff ? <StaffDashboardSection d={d.staff} /> : null}
      {d.isAdmin ? (
        <section aria-labelledby="admin-heading" className="panel">
          <h2 id="admin-heading">{t('home.administration')}</h2>
          <p>
            <Link to="/admin/users">{t('home.managePeople')}</Link>
          </p>
          <p>
            <Link to="/admin/mail">{t('home.undeliveredMail')}</Link>
          </p>
        </section>
      ) : null}
    </>
  )
}
