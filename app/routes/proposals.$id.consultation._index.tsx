import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import {
  ConcernCard,
  ConsultationLink,
  PapersList,
  RecommendationAnswer,
  StateTag,
  usePageLocale,
  usePbStateLabel,
  useStaffStateLabel,
} from '~/components/consultation'
import { useTranslation } from 'react-i18next'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatDate } from '~/utils/calendar'
import { endorseConcern, raiseConcern } from '~/workflow/consultation/concerns.server'
import { EndorseSchema, RaiseConcernSchema } from '~/workflow/consultation/forms'
import { listConsultationPapers } from '~/workflow/consultation/papers.server'
import { getConsultationView } from '~/workflow/consultation/view.server'
import { refusalReply } from '~/workflow/refusal'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'
import { RaiseConcernForm, Receipt } from './__consultation-forms'
import { AnonymityNotice } from '~/components/anonymity-notice'
import { anonymityInfo } from '~/workflow/consultation/release-anonymous.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'consultation')('page.title'))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const { secret } = await appContext()
  const view = await getConsultationView(db, {
    proposal,
    snapshot,
    user,
    secret,
    bodyName: user.organisation.settings.professionalBodyName,
  })
  const papers = await listConsultationPapers(db, proposal.id)
  const anonymity = await anonymityInfo(db, user.organisationId)
  return { proposalId: proposal.id, view, papers, anonymity }
}

const StaffContributionSchema = z.discriminatedUnion('intent', [RaiseConcernSchema, EndorseSchema])

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal, loaded } = await requireProposal(request, params)
  const { secret } = await appContext()
  const submission = parseWithZod(await formDataOf(request), { schema: StaffContributionSchema })
  if (submission.status !== 'success') {
    return data(
      {
        intent: 'concern.raise' as const,
        result: submission.reply(),
        receipt: null,
        concernId: null,
      },
      { status: 400 },
    )
  }
  const value = submission.value
  const common = {
    user,
    proposalId: proposal.id,
    secret,
    anonymous: value.identity === 'anonymous',
    current: loaded,
    locale: await getLocale(request),
  }
  if (value.intent === 'concern.endorse') {
    const result = await endorseConcern(db, { ...common, concernId: value.concernId })
    if (!result.ok) {
      return data(
        {
          intent: value.intent,
          result: submission.reply({ formErrors: [result.message] }),
          receipt: null,
          concernId: value.concernId,
        },
        { status: result.status },
      )
    }
    throw redirect(`/proposals/${proposal.id}/consultation#concern-${value.concernId}`)
  }
  const result = await raiseConcern(db, { ...common, category: value.category, text: value.text })
  if (!result.ok) {
    const reply = refusalReply(result)
    return data(
      { intent: value.intent, result: submission.reply(reply), receipt: null, concernId: null },
      { status: result.status },
    )
  }
  // Shown once, in this answer only: never in a URL, a redirect or a log.
  return data({
    intent: value.intent,
    result: submission.reply({ resetForm: true }),
    receipt: result.receipt,
    concernId: result.concernId,
  })
}

export default function Consultation() {
  const { proposalId, view, papers, anonymity } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pb = view.professionalBody
  const staff = view.staff
  const raised = actionData?.intent === 'concern.raise' && actionData.concernId
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const pbStateLabel = usePbStateLabel()
  const staffStateLabel = useStaffStateLabel()
  return (
    <>
      <h2>{t('page.title')}</h2>
      <p>{t('page.intro')}</p>
      <div className="grid-2">
        <section aria-labelledby="pb-heading" className="panel">
          <h3 id="pb-heading">{t('page.pbHeading', { body: view.bodyName })}</h3>
          <p>
            <StateTag label={pbStateLabel(pb.state)} done={pb.state === 'done'} />
          </p>
          {pb.request ? (
            <dl className="facts">
              <dt>{t('page.asked')}</dt>
              <dd>{t('page.askedValue', { contact: pb.request.contact, date: formatDate(pb.request.sentOn, locale) })}</dd>
              <dt>{t('page.shared')}</dt>
              <dd>{pb.request.shared}</dd>
              <dt>{t('page.due')}</dt>
              <dd>{formatDate(pb.request.deadline, locale)}</dd>
            </dl>
          ) : null}
          <PapersList proposalId={proposalId} label={t('page.papersSent')} papers={papers.request} />
          {pb.response ? (
            <>
              <p className="label">{t('page.responseReceived', { date: formatDate(pb.response.receivedOn, locale) })}</p>
              <p>{pb.response.summary}</p>
              <PapersList proposalId={proposalId} label={t('page.theirLetter')} papers={papers.response} />
              {pb.recommendations.length > 0 ? (
                <ol className="recommendations">
                  {pb.recommendations.map((r) => (
                    <li key={r.id}>
                      <p>{r.text}</p>
                      <RecommendationAnswer r={r} />
                    </li>
                  ))}
                </ol>
              ) : (
                <p>{t('page.noRecommendations')}</p>
              )}
            </>
          ) : null}
          {pb.closedNote !== null ? (
            <p>
              <strong>{t('page.noResponse')}</strong> {pb.closedNote}
            </p>
          ) : null}
          {view.isProposer && pb.state !== 'done' && pb.state !== 'notStarted' ? (
            <ConsultationLink to={`/proposals/${proposalId}/consultation/professional-body`}>
              {t('page.recordPb', { body: view.bodyName })}
            </ConsultationLink>
          ) : null}
        </section>
        <section aria-labelledby="staff-heading" className="panel">
          <h3 id="staff-heading">{t('page.staffHeading')}</h3>
          <p>
            <StateTag
              label={staffStateLabel(staff.state)}
              done={staff.state === 'done'}
            />
          </p>
          {staff.consultation ? (
            <>
              <p>
                {t(staff.consultation.closed ? 'page.openedClosed' : 'page.openedCloses', {
                  opened: formatDate(staff.consultation.openedOn, locale),
                  closes: formatDate(staff.consultation.closesOn, locale),
                })}
              </p>
              <p className="label">{t('page.summaryForStaff')}</p>
              <p className="prewrap">{staff.consultation.summary}</p>
            </>
          ) : null}
          {staff.union ? (
            <p>
              <strong>{staff.union.unionName}</strong>{' '}
              {t('page.unionRespondedOn', { date: formatDate(staff.union.consultedOn, locale) })} {staff.union.response}
            </p>
          ) : staff.unionRequired ? null : (
            <p className="muted">{t('page.noUnion')}</p>
          )}
          {view.isProposer && staff.state !== 'done' && staff.state !== 'notStarted' ? (
            <ConsultationLink to={`/proposals/${proposalId}/consultation/staff`}>
              {t('page.manageStaff')}
            </ConsultationLink>
          ) : null}
        </section>
      </div>
      <section id="concerns" aria-labelledby="concerns-heading">
        <h3 id="concerns-heading">{t('page.concernsHeading', { n: view.concerns.length })}</h3>
        {raised ? (
          actionData.receipt ? (
            <Receipt code={actionData.receipt} />
          ) : (
            <p role="status" className="notice success">
              {t('raise.recordedNamed')}
            </p>
          )
        ) : null}
        {staff.can.raise ? <RaiseConcernForm anonymity={anonymity} /> : null}
        {view.isProposer && staff.state === 'open' ? <AnonymityNotice info={anonymity} audience="chief" /> : null}
        {view.concerns.length === 0 ? <p>{t('page.noConcerns')}</p> : null}
        {view.concerns.map((c, i) => (
          <ConcernCard key={c.id} concern={c} number={i + 1}>
            {actionData?.intent === 'concern.endorse' && actionData.concernId === c.id ? (
              <FormErrors errors={actionData.result.error?.[''] ?? undefined} />
            ) : null}
            {c.can.endorse && !c.mine && !c.endorsed ? (
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="concern.endorse" />
                <input type="hidden" name="concernId" value={c.id} />
                <button type="submit" name="identity" value="named">
                  {t('page.endorseNamed')}
                </button>
                <button type="submit" name="identity" value="anonymous" className="secondary">
                  {t('page.endorseAnonymous')}
                </button>
              </Form>
            ) : null}
            {c.can.respond || c.can.hide ? (
              <p>
                <Link to={`/proposals/${proposalId}/consultation/concerns/${c.id}`}>
                  {t(c.can.hide ? 'page.respondOrHide' : 'page.respond', { number: i + 1 })}
                </Link>
              </p>
            ) : null}
          </ConcernCard>
        ))}
      </section>
    </>
  )
}
