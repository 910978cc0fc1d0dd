import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { type ParseKeys, type TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import { PRIVACY_ANSWERS, type RubricContent } from '#db/schema'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { ChoiceGroup, SelectField, TextAreaField } from '~/components/form-controls'
import { FormErrors } from '~/components/forms'
import { IntakeSummary } from '~/components/intake-summary'
import { getLocale } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatNumber } from '~/utils/format'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { bandFor, riskScore } from '#machines/vocabulary/risk'
import { actorFor } from '~/workflow/actor.server'
import { affectedGroups, papersFor } from '~/workflow/intake/intake.server'
import { higherBarFor, type VulnerableGroup } from '#machines/vocabulary/vulnerable-groups'
import { affectedPeople, type AffectedGroups } from '~/components/vulnerable-notice'
import { requireProposal } from '~/workflow/proposal-access.server'
import { reviewerStatus } from '~/workflow/screening/access'
import { reviewFormSchema, type ReviewForm } from '~/workflow/screening/review-schema'
import { ownReview, recordReview, rubricFor } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'screening')
  return pageTitle(t('review.title'), t('review.section'))
}

type Access = Awaited<ReturnType<typeof requireProposal>>

/** Only a reviewer who has declared no conflict may open the scoring form; once submitted it is theirs to read. */
async function reviewAccess(request: Request, { user, snapshot }: Access) {
  const status = reviewerStatus(snapshot, user.id)
  const editable = can(snapshot, { type: 'review.save', actor: actorFor(user) })
  if (!editable && status !== 'submitted') {
    throw new Response(fixedT(await localeFor(request, user), 'screening')('review.onlyReviewer'), { status: 403 })
  }
  return { editable }
}

const round = (snapshot: ProposalSnapshot) => snapshot.context.revisions

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireProposal(request, params)
  const { editable } = await reviewAccess(request, access)
  const { user, db, proposal, snapshot } = access
  const rubric = await rubricFor(db, proposal, round(snapshot))
  // Blind until submitted: only this reviewer's own rows are read.
  const own = await ownReview(db, proposal.id, round(snapshot), user.id)
  return {
    editable,
    reviewerId: user.id,
    rubric: { version: rubric.version, content: rubric.content },
    papers: await papersFor(db, proposal, true),
    affected: await affectedGroups(db, proposal.id),
    defaultValue: {
      reviewerId: user.id,
      scores: Object.fromEntries(
        own.scores.map((s) => [
          s.criterionKey,
          {
            likelihood: s.likelihood ?? undefined,
            impact: s.impact ?? undefined,
            rationale: s.rationale,
            mitigations: s.mitigations,
            residualLikelihood: s.residualLikelihood ?? undefined,
            residualImpact: s.residualImpact ?? undefined,
          },
        ]),
      ),
      privacy: Object.fromEntries(own.privacy.map((p) => [p.itemKey, { answer: p.answer ?? undefined, evidence: p.evidence }])),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProposal(request, params)
  const { user, db, proposal, snapshot } = access
  const locale = await getLocale(request)
  const rubric = await rubricFor(db, proposal, round(snapshot))
  const submission = parseWithZod(await formDataOf(request), { schema: reviewFormSchema(rubric.content) })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const v = submission.value
  if (v.reviewerId !== user.id) {
    return data(translateReply(submission.reply({ formErrors: [vm('review.notYourReview')] }), locale), { status: 403 })
  }
  const result = await recordReview(db, {
    actor: actorFor(user),
    organisationId: user.organisationId,
    proposalId: proposal.id,
    scores: v.scores ?? {},
    privacy: v.privacy ?? {},
    submit: v.intent === 'submit',
    current: access.loaded,
    rubric: { round: round(snapshot), content: rubric.content },
  })
  if (!result.ok) return data(translateReply(submission.reply({ formErrors: [result.message] }), locale), { status: result.status })
  throw redirect(v.intent === 'submit' ? `/proposals/${proposal.id}/screening` : `/proposals/${proposal.id}/screening/review?saved=1`)
}

const LEVELS = ['1', '2', '3', '4', '5'] as const

/** The five likelihood or impact levels as options, "1 – Rare" … "5 – Almost certain". */
function options(t: TFunction<'screening'>, scale: 'likelihoodLevel' | 'impactLevel') {
  return LEVELS.map((n) => ({ value: n, label: t('review.option', { n, label: t(`review.${scale}.${n}`) }) }))
}

/** One fieldset per criterion or privacy item of a rubric known only at run time. */
type Fieldset = FieldMetadata<Record<string, string | number | undefined>, Record<string, unknown>, string[]>

function ScoreText({ likelihood, impact, bands, what }: { likelihood: unknown; impact: unknown; bands: RubricContent['bands']; what: string }) {
  const { t } = useTranslation('screening')
  const label = useVocabulary()
  const locale = useLocale()
  const l = Number(likelihood)
  const i = Number(impact)
  if (!(l >= 1 && l <= 5 && i >= 1 && i <= 5)) return null
  const score = riskScore(l, i)
  return <p className="muted">{t('review.scoreText', { what, score: formatNumber(locale, score), band: label('riskBand', bandFor(score, bands)).toLowerCase() })}</p>
}

/** What the higher bar asks of this criterion for each vulnerable group the proposal affects, if any. */
function HigherBar({ criterionKey, groups }: { criterionKey: string; groups: VulnerableGroup[] }) {
  const { t } = useTranslation('screening')
  const { t: tv } = useTranslation('vocabulary')
  const label = useVocabulary()
  const asks = higherBarFor(criterionKey, groups)
  if (asks.length === 0) return null
  return (
    <div className="higher-bar" role="note" aria-label={t('review.higherBar')}>
      <p>
        <Trans t={t} i18nKey="review.higherBarLead" components={{ strong: <strong /> }} />
      </p>
      <ul>
        {asks.map((a) => (
          <li key={a.group}>
            {t('review.higherBarFor', {
              group: label('vulnerableGroupName', a.group),
              guidance: tv(`higherBar.${a.group}.${criterionKey}` as ParseKeys<'vocabulary'>, { defaultValue: a.guidance }),
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}

function CriterionFields({
  criterion,
  field,
  bands,
  disabled,
  groups,
}: {
  criterion: RubricContent['criteria'][number]
  field: Fieldset
  bands: RubricContent['bands']
  disabled: boolean
  groups: VulnerableGroup[]
}) {
  const f = field.getFieldset()
  const { t } = useTranslation('screening')
  return (
    <fieldset className="criterion" disabled={disabled}>
      <legend>{criterion.name}</legend>
      <p>{criterion.description}</p>
      <HigherBar criterionKey={criterion.key} groups={groups} />
      <p className="muted">{t('review.serves', { principles: criterion.principles.join('; ') })}</p>
      <ul>
        {criterion.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <div className="grid-2">
        <SelectField field={f.likelihood!} label={t('review.likelihood')} options={options(t, 'likelihoodLevel')} />
        <SelectField field={f.impact!} label={t('review.impact')} options={options(t, 'impactLevel')} />
      </div>
      <ScoreText likelihood={f.likelihood!.value} impact={f.impact!.value} bands={bands} what={t('review.score')} />
      <TextAreaField field={f.rationale!} label={t('review.rationale')} hint={t('review.rationaleHint')} rows={3} />
      <TextAreaField field={f.mitigations!} label={t('review.mitigations')} rows={3} />
      <div className="grid-2">
        <SelectField field={f.residualLikelihood!} label={t('review.residualLikelihood')} options={options(t, 'likelihoodLevel')} />
        <SelectField field={f.residualImpact!} label={t('review.residualImpact')} options={options(t, 'impactLevel')} />
      </div>
      <ScoreText likelihood={f.residualLikelihood!.value} impact={f.residualImpact!.value} bands={bands} what={t('review.residualScore')} />
    </fieldset>
  )
}

/** Before the criteria: who the proposal affects, and which criteria carry the higher bar for them. */
function ScoringNotice({ affected, criteria }: { affected: AffectedGroups; criteria: RubricContent['criteria'] }) {
  const { t } = useTranslation('screening')
  const { t: tp } = useTranslation('proposal')
  const label = useVocabulary()
  if (affected.groups.length === 0) return null
  const most = criteria.filter((c) => higherBarFor(c.key, affected.groups).length > 0)
  return (
    <div className="notice warning" role="note" aria-labelledby="scoring-vulnerable-heading">
      <p id="scoring-vulnerable-heading">
        <strong>{t('review.scoreHigherLead')}</strong> {t('review.scoreHigher', { people: affectedPeople(affected, tp, label) })}
      </p>
      {most.length ? <p>{t('review.mostAffected', { criteria: most.map((c) => c.name).join('; ') })}</p> : null}
    </div>
  )
}

export default function Review() {
  const d = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const rubric = d.rubric.content
  const schema = reviewFormSchema(rubric)
  const [form, fields] = useForm<ReviewForm>({
    id: 'review',
    lastResult,
    defaultValue: d.defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  const scores = fields.scores.getFieldset() as Record<string, Fieldset>
  const privacy = fields.privacy.getFieldset() as Record<string, Fieldset>
  const { t } = useTranslation('screening')
  return (
    <>
      <p>
        <Link to="..">{t('review.back')}</Link>
      </p>
      <h2>{t('review.title')}</h2>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          {t('review.saved')}
        </p>
      ) : null}
      {d.editable ? <p>{t('review.intro', { version: d.rubric.version })}</p> : <p className="notice">{t('review.submitted')}</p>}
      {d.papers ? <IntakeSummary summary={d.papers.summary} attachments={d.papers.attachments} /> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="reviewerId" value={d.reviewerId} />
        <h2>{t('review.criteria')}</h2>
        <ScoringNotice affected={d.affected} criteria={rubric.criteria} />
        {rubric.criteria.map((c) => (
          <CriterionFields key={c.key} criterion={c} field={scores[c.key]!} bands={rubric.bands} disabled={!d.editable} groups={d.affected.groups} />
        ))}
        <h2>{t('review.privacy')}</h2>
        <p>{t('review.privacyIntro')}</p>
        {rubric.privacyItems.map((item) => {
          const f = privacy[item.key]!.getFieldset()
          return (
            <fieldset key={item.key} className="criterion" disabled={!d.editable}>
              <legend>
                {item.question}
                {item.required ? t('review.required') : ''}
              </legend>
              <ChoiceGroup
                field={f.answer!}
                legend={t('review.answer')}
                hint={item.guidance}
                type="radio"
                inline
                options={PRIVACY_ANSWERS.map((a) => ({ value: a, label: t(`review.privacyAnswer.${a}`) }))}
              />
              <TextAreaField field={f.evidence!}  label={t('review.evidence')} hint={t('review.evidenceHint')} rows={2} />
            </fieldset>
          )
        })}
        {d.editable ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="secondary" disabled={navigation.state === 'submitting'}>
              {t('review.saveDraft')}
            </button>
            <button type="submit" name="intent" value="submit" disabled={navigation.state === 'submitting'}>
              {t('review.submit')}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  )
}
