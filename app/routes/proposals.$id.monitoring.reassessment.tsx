import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatDate, serviceDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { refusalReply } from '~/workflow/refusal'
import {
  ReassessmentOutcomeSchema,
  SignSchema,
  SuspensionOutcomeSchema,
} from '~/workflow/monitoring/forms'
import {
  outcomeActions,
  recordOutcome,
  signOutcome,
} from '~/workflow/monitoring/reassessment.server'
import { REASSESSMENT_OUTCOMES, SUSPENSION_OUTCOMES } from '#machines/vocabulary/monitoring'
import { getMonitoringView } from '~/workflow/monitoring/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'
import { ssoProblemMessage } from '~/utils/sso/problems'
import { SignWithSsoSchema } from '~/workflow/decision/decision-schema'
import { beginReauthenticationToSign } from '~/workflow/signing/reauthenticate.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'monitoring')
  return pageTitle(t('reassessment.title'), t('page.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const view = await getMonitoringView(db, {
    proposal,
    snapshot,
    user,
    today: serviceDate(new Date()),
    locale: await localeFor(request, user),
  })
  const round = view.rounds.find((r) => r.closedOn === null) ?? null
  return {
    proposalId: proposal.id,
    version: proposal.version,
    round,
    actions: outcomeActions(snapshot, user),
    requiredSignatures: snapshot.context.requiredSignatures,
    signWithSso: user.signInMethod === 'sso',
    ssoProblem: ssoProblemMessage(new URL(request.url).searchParams.get('sso')) ?? null,
  }
}

const RecordSchemas = {
  reassessment: ReassessmentOutcomeSchema,
  suspension: SuspensionOutcomeSchema,
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const { phase } = outcomeActions(snapshot, user)
  const locale = await localeFor(request, user)
  if (!phase)
    throw new Response(
      fixedT(locale, 'monitoring')('reassessment.notReassessed'),
      { status: 409 },
    )
  const formData = await formDataOf(request, locale)
  const here = `/proposals/${proposal.id}/monitoring/reassessment`
  if (formData.get('intent') === 'sign' && user.signInMethod === 'sso') {
    const submission = parseWithZod(formData, { schema: SignWithSsoSchema })
    if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
    const started = await beginReauthenticationToSign(
      db,
      await appContext(),
      user,
      { kind: 'outcome', proposalId: proposal.id, version: submission.value.version },
      here,
      locale,
    )
    if (!started.ok)
      return data(submission.reply({ formErrors: [started.message] }), { status: started.status })
    throw redirect(started.location, { headers: { 'Set-Cookie': started.cookie } })
  }
  const schema = z.discriminatedUnion('intent', [RecordSchemas[phase], SignSchema])
  const submission = parseWithZod(formData, { schema })
  // A password is never sent back to the page.
  const hideFields = ['password']
  if (submission.status !== 'success')
    return data(translateReply(submission.reply({ hideFields }), locale), { status: 400 })
  const v = submission.value
  if (v.intent === 'record') {
    const result = await recordOutcome(db, {
      user,
      proposalId: proposal.id,
      values: {
        outcome: v.outcome,
        rationale: v.rationale,
        newConditions: 'newConditions' in v ? v.newConditions : [],
      },
      expectedVersion: v.version,
      locale,
    })
    if (!result.ok)
      return data(submission.reply({ ...refusalReply(result), hideFields }), {
        status: result.status,
      })
    throw redirect(`/proposals/${proposal.id}/monitoring/reassessment`)
  }
  const { config, secret } = await appContext()
  const result = await signOutcome(db, {
    user,
    proposalId: proposal.id,
    password: v.password,
    signing: config,
    secret,
    mail: mailSettings(config),
    clientAddress: context.clientAddress ?? 'unknown',
    expectedVersion: v.version,
    locale,
  })
  if (!result.ok)
    return data(submission.reply({ ...refusalReply(result), hideFields }), {
      status: result.status,
    })
  throw redirect(
    result.closed
      ? `/proposals/${proposal.id}/monitoring`
      : `/proposals/${proposal.id}/monitoring/reassessment`,
  )
}

export default function Reassessment() {
  const { proposalId, version, round, actions, requiredSignatures, signWithSso, ssoProblem } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  const locale = useLocale()
  if (!round || !actions.phase) {
    return (
      <>
        <h2>{t('reassessment.title')}</h2>
        <p>
          {t('reassessment.notReassessed')}{' '}
          <Link to={`/proposals/${proposalId}/monitoring`}>{t('reassessment.back')}</Link>
        </p>
      </>
    )
  }
  const signed = round.signatures.length
  return (
    <>
      <h2>
        {round.phase === 'reassessment' ? t('reassessment.title') : t('reassessment.suspension')}
      </h2>
      <section aria-labelledby="trigger-heading" className="panel">
        <h3 id="trigger-heading">{t('reassessment.why')}</h3>
        <p>
          <strong>{label('escalationTrigger', round.trigger)}</strong>
          {t('reassessment.trigger', { date: formatDate(round.openedOn, locale) })}
        </p>
        <p className="pre-line">{round.triggerSummary}</p>
        <p>
          <Link to={`/proposals/${proposalId}/monitoring`}>{t('reassessment.seeAll')}</Link>
        </p>
      </section>
      {round.outcome ? (
        <section aria-labelledby="proposed-heading">
          <h3 id="proposed-heading">{t('reassessment.proposed')}</h3>
          <dl className="facts">
            <dt>{t('reassessment.outcome')}</dt>
            <dd>{label('reassessmentOutcome', round.outcome)}</dd>
            <dt>{t('reassessment.reasons')}</dt>
            <dd className="pre-line">{round.rationale}</dd>
            {round.newConditions.length ? (
              <>
                <dt>{t('reassessment.conditionsToAdd')}</dt>
                <dd>
                  <ul>
                    {round.newConditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>{t('reassessment.proposedBy')}</dt>
            <dd>{round.recordedBy ?? t('reassessment.chief')}</dd>
            <dt>{t('reassessment.signatures')}</dt>
            <dd>
              {signed
                ? t('reassessment.signedNames', {
                    signed,
                    required: requiredSignatures,
                    names: round.signatures.map((s) => s.name).join(', '),
                  })
                : t('reassessment.signedCount', { signed, required: requiredSignatures })}
            </dd>
          </dl>
        </section>
      ) : null}
      {actions.canSign && round.outcome ? (
        <SignForm version={version} withSso={signWithSso} problem={ssoProblem} />
      ) : null}
      {actions.canRecord ? (
        <OutcomeForm phase={round.phase} version={version} hasOutcome={!!round.outcome} />
      ) : null}
      {!actions.canSign && !actions.canRecord ? <p>{t('reassessment.nothing')}</p> : null}
    </>
  )
}

function OutcomeForm({
  phase,
  version,
  hasOutcome,
}: {
  phase: 'reassessment' | 'suspension'
  version: number
  hasOutcome: boolean
}) {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = RecordSchemas[phase]
  const [form, fields] = useForm({
    id: 'outcome',
    lastResult: lastResult?.initialValue?.intent === 'record' ? lastResult : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onBlur',
    defaultValue: { intent: 'record', version: String(version) },
  })
  const outcomes = phase === 'reassessment' ? REASSESSMENT_OUTCOMES : SUSPENSION_OUTCOMES
  const outcomeError = `${fields.outcome.id}-error`
  // Conform's fields answer any name (and `in` sees none), so the phase says whether this form has the field.
  const conditions =
    phase === 'reassessment'
      ? (fields as Extract<typeof fields, { newConditions: unknown }>).newConditions
      : null
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{hasOutcome ? t('reassessment.change') : t('reassessment.propose')}</h3>
      <p className="hint">{t('reassessment.changeable')}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="record" />
      <input {...getInputProps(fields.version, { type: 'hidden' })} />
      <fieldset
        className="field choices"
        aria-describedby={fields.outcome.errors?.length ? outcomeError : undefined}
      >
        <legend>{t('reassessment.outcome')}</legend>
        <ErrorList id={outcomeError} errors={fields.outcome.errors} />
        {outcomes.map((o) => (
          <div key={o} className="choice">
            <input
              type="radio"
              id={`outcome-${o}`}
              name={fields.outcome.name}
              value={o}
              defaultChecked={fields.outcome.initialValue === o}
              required
            />
            <label htmlFor={`outcome-${o}`}>{label('reassessmentOutcome', o)}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id={fields.rationale.id}
        label={t('reassessment.reasons')}
        errors={fields.rationale.errors}
      >
        <textarea
          {...getTextareaProps(fields.rationale)}
          rows={5}
          {...describedBy(fields.rationale.id, { errors: fields.rationale.errors })}
        />
      </Field>
      {conditions ? (
        <Field
          id={conditions.id}
          label={t('reassessment.conditionsToAdd')}
          hint={t('reassessment.conditionsHint')}
          errors={conditions.errors}
        >
          <textarea
            {...getTextareaProps(conditions)}
            rows={4}
            {...describedBy(conditions.id, { hint: true, errors: conditions.errors })}
          />
        </Field>
      ) : null}
      <button type="submit" className="secondary" disabled={navigation.state === 'submitting'}>
        {hasOutcome ? t('reassessment.changeButton') : t('reassessment.proposeButton')}
      </button>
    </Form>
  )
}

function SignForm({
  version,
  withSso,
  problem,
}: {
  version: number
  withSso: boolean
  problem: string | null
}) {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = withSso ? SignWithSsoSchema : SignSchema
  const mine = lastResult?.initialValue?.intent === 'sign' ? lastResult : undefined
  const [form, fields] = useForm<{ intent: 'sign'; version: number; password?: string }>({
    id: 'sign',
    lastResult: mine,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { intent: 'sign', version: String(version) },
  })
  const { t } = useTranslation('monitoring')
  return (
    <Form method="post" {...getFormProps(form)} className="stack panel">
      <h3>{t('reassessment.sign')}</h3>
      <p>{t('reassessment.signIntro')}</p>
      <FormErrors errors={form.errors ?? (problem && !mine ? [problem] : undefined)} />
      <input type="hidden" name="intent" value="sign" />
      <input {...getInputProps(fields.version, { type: 'hidden' })} />
      {withSso ? (
        <p>{t('reassessment.sso')}</p>
      ) : (
        <Field
          id={fields.password.id}
          label={t('reassessment.password')}
          hint={t('reassessment.passwordHint')}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="current-password"
            {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
          />
        </Field>
      )}
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {withSso ? t('reassessment.signSso') : t('reassessment.signPassword')}
      </button>
    </Form>
  )
}
