import { getFormProps, getInputProps, getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useTranslation } from 'react-i18next'
import { usePageLocale } from '~/components/consultation'
import { fixedT } from '~/utils/i18n'
import { useIntentForm, type IntentReply } from '~/utils/use-intent-form'
import { formatDate } from '~/utils/calendar'
import {
  LIMITS,
  StaffFormSchema,
  StaffOpenSchema,
  UnionSchema,
} from '~/workflow/consultation/forms'
import {
  completeStaffConsultation,
  openStaffConsultation,
  recordUnionResponse,
} from '~/workflow/consultation/staff.server'
import { getConsultationView } from '~/workflow/consultation/view.server'
import { refusalReply } from '~/workflow/refusal'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'
import { getLocale } from '~/utils/i18n.server'

import { AnonymityNotice, type AnonymityInfo } from '~/components/anonymity-notice'
import { anonymityInfo } from '~/workflow/consultation/release-anonymous.server'

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(fixedT(metaLocale(matches), 'consultation')('staff.title'))

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
  // The proposer runs the staff consultation; staff take part on the consultation page.
  if (!view.isProposer) throw redirect(`/proposals/${proposal.id}/consultation`)
  return { proposalId: proposal.id, view, anonymity: await anonymityInfo(db, user.organisationId) }
}

type Reply = IntentReply

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const { config } = await appContext()
  const submission = parseWithZod(await formDataOf(request), { schema: StaffFormSchema })
  if (submission.status !== 'success') {
    return data<Reply>(
      { intent: String(submission.payload.intent ?? ''), result: submission.reply() },
      { status: 400 },
    )
  }
  const v = submission.value
  const base = { user, proposalId: proposal.id, locale: await getLocale(request) }
  const result =
    v.intent === 'staff.open'
      ? await openStaffConsultation(db, {
          ...base,
          closesOn: v.closesOn,
          summary: v.summary,
          mail: mailSettings(config),
          expectedVersion: v.version,
        })
      : v.intent === 'union.record'
        ? await recordUnionResponse(db, {
            ...base,
            unionName: v.unionName,
            consultedOn: v.consultedOn,
            response: v.response,
          })
        : await completeStaffConsultation(db, { ...base, expectedVersion: v.version })
  if (!result.ok) {
    const reply = refusalReply(result)
    return data<Reply>(
      { intent: v.intent, result: submission.reply(reply) },
      { status: result.status },
    )
  }
  throw redirect(
    v.intent === 'union.record'
      ? `/proposals/${proposal.id}/consultation/staff`
      : `/proposals/${proposal.id}/consultation`,
  )
}

function OpenForm({
  version,
  earliest,
  minDays,
  anonymity,
}: {
  version: number
  earliest: string
  minDays: number
  anonymity: AnonymityInfo
}) {
  const navigation = useNavigation()
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const [form, fields] = useIntentForm(StaffOpenSchema, {
    id: 'staff-open',
    intent: 'staff.open',
    defaultValue: { closesOn: earliest },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{t('staff.openHeading')}</h3>
      <p>{t('staff.openIntro')}</p>
      <AnonymityNotice info={anonymity} audience="chief" />
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="staff.open" />
      <input type="hidden" name="version" value={version} />
      <Field
        id={fields.summary.id}
        label={t('staff.summary')}
        hint={t('staff.summaryHint')}
        errors={fields.summary.errors}
      >
        <textarea
          {...getTextareaProps(fields.summary)}
          rows={8}
          maxLength={LIMITS.summary}
          {...describedBy(fields.summary.id, { hint: true, errors: fields.summary.errors })}
        />
      </Field>
      <Field
        id={fields.closesOn.id}
        label={t('staff.closesOn')}
        hint={t('staff.closesOnHint', { count: minDays, earliest: formatDate(earliest, locale) })}
        errors={fields.closesOn.errors}
      >
        <input
          {...getInputProps(fields.closesOn, { type: 'date' })}
          min={earliest}
          {...describedBy(fields.closesOn.id, { hint: true, errors: fields.closesOn.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('staff.openSubmit')}
      </button>
    </Form>
  )
}

function UnionForm({ today }: { today: string }) {
  const navigation = useNavigation()
  const { t } = useTranslation('consultation')
  const [form, fields] = useIntentForm(UnionSchema, {
    id: 'union',
    intent: 'union.record',
    defaultValue: { consultedOn: today },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="union.record" />
      <Field id={fields.unionName.id} label={t('staff.unionName')} errors={fields.unionName.errors}>
        <input
          {...getInputProps(fields.unionName, { type: 'text' })}
          maxLength={LIMITS.short}
          {...describedBy(fields.unionName.id, { errors: fields.unionName.errors })}
        />
      </Field>
      <Field
        id={fields.consultedOn.id}
        label={t('staff.consultedOn')}
        errors={fields.consultedOn.errors}
      >
        <input
          {...getInputProps(fields.consultedOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.consultedOn.id, { errors: fields.consultedOn.errors })}
        />
      </Field>
      <Field id={fields.response.id} label={t('staff.unionResponse')} errors={fields.response.errors}>
        <textarea
          {...getTextareaProps(fields.response)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.response.id, { errors: fields.response.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('staff.unionSubmit')}
      </button>
    </Form>
  )
}

export default function StaffConsultation() {
  const { proposalId, view, anonymity } = useLoaderData<typeof loader>()
  const staff = view.staff
  const actionData = useActionData<typeof action>()
  const completeErrors =
    actionData?.intent === 'staff.complete' ? actionData.result.error?.[''] : undefined
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const awaiting = view.concerns.filter((c) => c.response === null && c.hiddenReason === null).length
  return (
    <>
      <p>
        <Link to={`/proposals/${proposalId}/consultation`}>{t('staff.back')}</Link>
      </p>
      <h2>{t('staff.title')}</h2>
      {staff.can.open ? (
        <OpenForm
          version={view.version}
          earliest={staff.earliestClosingDate}
          minDays={staff.minDays}
          anonymity={anonymity}
        />
      ) : null}
      {staff.consultation ? (
        <section aria-labelledby="open-heading" className="panel">
          <h3 id="open-heading">{t('staff.openSince', { date: formatDate(staff.consultation.openedOn, locale) })}</h3>
          <p>
            {t(staff.consultation.closed ? 'staff.closedAt' : 'staff.closesAt', {
              date: formatDate(staff.consultation.closesOn, locale),
            })}{' '}
            {t('staff.concernsRaised', { count: view.concerns.length, awaiting })}
          </p>
          <p>
            <Link to={`/proposals/${proposalId}/consultation#concerns`}>
              {t('staff.readConcerns')}
            </Link>
          </p>
        </section>
      ) : null}
      {staff.state === 'open' ? (
        <section aria-labelledby="union-heading">
          <h3 id="union-heading">{t('staff.unionHeading')}</h3>
          {staff.union ? (
            <p>
              <strong>{staff.union.unionName}</strong>{' '}
              {t('page.unionRespondedOn', { date: formatDate(staff.union.consultedOn, locale) })} {staff.union.response}
            </p>
          ) : (
            <p>
              {staff.unionRequired ? t('staff.unionRequired') : t('staff.unionOptional')}
            </p>
          )}
          {staff.can.union ? <UnionForm today={view.today} /> : null}
        </section>
      ) : null}
      {staff.state === 'open' ? (
        <Form method="post" className="panel stack">
          <h3>{t('staff.completeHeading')}</h3>
          <FormErrors errors={completeErrors ?? undefined} />
          <input type="hidden" name="intent" value="staff.complete" />
          <input type="hidden" name="version" value={view.version} />
          {staff.blockers.length > 0 ? (
            <>
              <p>{t('staff.beforeComplete')}</p>
              <ul>
                {staff.blockers.map((b) => (
                  <li key={b.reason}>
                    {b.reason === 'before_closing_date'
                      ? b.closesOn && b.from
                        ? t('staff.blocker.beforeClosingDate', {
                            closesOn: formatDate(b.closesOn, locale),
                            from: formatDate(b.from, locale),
                          })
                        : t('staff.blocker.noClosingDate')
                      : b.reason === 'unanswered_concerns'
                        ? t('staff.blocker.unansweredConcerns')
                        : t('staff.blocker.unionMissing')}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('staff.readyToComplete')}</p>
          )}
          {staff.can.complete ? (
            <button type="submit">{t('staff.completeSubmit')}</button>
          ) : null}
        </Form>
      ) : null}
    </>
  )
}
