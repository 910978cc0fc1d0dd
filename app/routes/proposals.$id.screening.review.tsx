import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, type MetaFunction } from '@remix-run/react'
import { PRIVACY_ANSWERS, type RubricContent } from '#db/schema'
import { can, type ProposalSnapshot } from '#machines/proposal-workflow'
import { ChoiceGroup, SelectField, TextAreaField } from '~/components/form-controls'
import { FormErrors } from '~/components/forms'
import { IntakeSummary } from '~/components/intake-summary'
import { pageTitle } from '~/utils/meta'
import { bandFor, riskScore } from '#machines/vocabulary/risk'
import { RISK_BAND_LABELS } from '#machines/vocabulary/labels'
import { actorFor } from '~/workflow/actor.server'
import { affectedGroups, papersFor } from '~/workflow/intake/intake.server'
import { higherBarFor, VULNERABLE_GROUP_NAMES, type VulnerableGroup } from '#machines/vocabulary/vulnerable-groups'
import { affectedPeople, type AffectedGroups } from '~/components/vulnerable-notice'
import { requireProposal } from '~/workflow/proposal-access.server'
import { reviewerStatus } from '~/workflow/screening/access'
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  PRIVACY_ANSWER_LABELS,
  reviewFormSchema,
  type ReviewForm,
} from '~/workflow/screening/review-schema'
import { ownReview, recordReview, rubricFor } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Your review', 'Ethics screening')

type Access = Awaited<ReturnType<typeof requireProposal>>

/** Only a reviewer who has declared no conflict may open the scoring form; once submitted it is theirs to read. */
function reviewAccess({ user, snapshot }: Access) {
  const status = reviewerStatus(snapshot, user.id)
  const editable = can(snapshot, { type: 'review.save', actor: actorFor(user) })
  if (!editable && status !== 'submitted') {
    throw new Response('Only an assigned reviewer who has declared no conflict of interest can score this proposal.', { status: 403 })
  }
  return { editable }
}

const round = (snapshot: ProposalSnapshot) => snapshot.context.revisions

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireProposal(request, params)
  const { editable } = reviewAccess(access)
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
  const rubric = await rubricFor(db, proposal, round(snapshot))
  const submission = parseWithZod(await formDataOf(request), { schema: reviewFormSchema(rubric.content) })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const v = submission.value
  if (v.reviewerId !== user.id) {
    return data(submission.reply({ formErrors: ['You can record only your own review.'] }), { status: 403 })
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
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect(v.intent === 'submit' ? `/proposals/${proposal.id}/screening` : `/proposals/${proposal.id}/screening/review?saved=1`)
}

const options = (labels: readonly string[]) => labels.map((label, n) => ({ value: String(n + 1), label: `${n + 1} – ${label}` }))

/** One fieldset per criterion or privacy item of a rubric known only at run time. */
type Fieldset = FieldMetadata<Record<string, string | number | undefined>, Record<string, unknown>, string[]>

function ScoreText({ likelihood, impact, bands, what }: { likelihood: unknown; impact: unknown; bands: RubricContent['bands']; what: string }) {
  const l = Number(likelihood)
  const i = Number(impact)
  if (!(l >= 1 && l <= 5 && i >= 1 && i <= 5)) return null
  const score = riskScore(l, i)
  return (
    <p className="muted">
      {what}: {score}, {RISK_BAND_LABELS[bandFor(score, bands)].toLowerCase()}
    </p>
  )
}

/** What the higher bar asks of this criterion for each vulnerable group the proposal affects, if any. */
function HigherBar({ criterionKey, groups }: { criterionKey: string; groups: VulnerableGroup[] }) {
  const asks = higherBarFor(criterionKey, groups)
  if (asks.length === 0) return null
  return (
    <div className="higher-bar" role="note" aria-label="Higher bar">
      <p>
        <strong>Higher bar:</strong> this proposal affects vulnerable people, and this criterion most of all.
      </p>
      <ul>
        {asks.map((a) => (
          <li key={a.group}>
            For {VULNERABLE_GROUP_NAMES[a.group]}: {a.guidance}
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
  return (
    <fieldset className="criterion" disabled={disabled}>
      <legend>{criterion.name}</legend>
      <p>{criterion.description}</p>
      <HigherBar criterionKey={criterion.key} groups={groups} />
      <p className="muted">Serves: {criterion.principles.join('; ')}</p>
      <ul>
        {criterion.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <div className="grid-2">
        <SelectField field={f.likelihood!} label="Likelihood" options={options(LIKELIHOOD_LABELS)} />
        <SelectField field={f.impact!} label="Impact" options={options(IMPACT_LABELS)} />
      </div>
      <ScoreText likelihood={f.likelihood!.value} impact={f.impact!.value} bands={bands} what="Score" />
      <TextAreaField field={f.rationale!} label="Rationale" hint="Required when the score is high or very high." rows={3} />
      <TextAreaField field={f.mitigations!} label="Proposed mitigations" rows={3} />
      <div className="grid-2">
        <SelectField field={f.residualLikelihood!} label="Likelihood after mitigation" options={options(LIKELIHOOD_LABELS)} />
        <SelectField field={f.residualImpact!} label="Impact after mitigation" options={options(IMPACT_LABELS)} />
      </div>
      <ScoreText likelihood={f.residualLikelihood!.value} impact={f.residualImpact!.value} bands={bands} what="Residual score" />
    </fieldset>
  )
}

/** Before the criteria: who the proposal affects, and which criteria carry the higher bar for them. */
function ScoringNotice({ affected, criteria }: { affected: AffectedGroups; criteria: RubricContent['criteria'] }) {
  if (affected.groups.length === 0) return null
  const most = criteria.filter((c) => higherBarFor(c.key, affected.groups).length > 0)
  return (
    <div className="notice warning" role="note" aria-labelledby="scoring-vulnerable-heading">
      <p id="scoring-vulnerable-heading">
        <strong>Score with a higher bar.</strong> This proposal affects {affectedPeople(affected)}.
      </p>
      {most.length ? <p>The criteria it affects most are marked “Higher bar” below: {most.map((c) => c.name).join('; ')}.</p> : null}
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
  return (
    <>
      <p>
        <Link to="..">Back to ethics screening</Link>
      </p>
      <h2>Your review</h2>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          Draft saved. Other reviewers cannot see it.
        </p>
      ) : null}
      {d.editable ? (
        <p>
          Score each criterion (rubric version {d.rubric.version}). Likelihood and impact run from 1 to 5; the score is
          their product. Save a draft whenever you like; submitting locks your review, and only then will you see the
          other reviewers’ scores.
        </p>
      ) : (
        <p className="notice">You have submitted your review; it can no longer be changed.</p>
      )}
      {d.papers ? <IntakeSummary summary={d.papers.summary} attachments={d.papers.attachments} /> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="reviewerId" value={d.reviewerId} />
        <h2>Criteria</h2>
        <ScoringNotice affected={d.affected} criteria={rubric.criteria} />
        {rubric.criteria.map((c) => (
          <CriterionFields key={c.key} criterion={c} field={scores[c.key]!} bands={rubric.bands} disabled={!d.editable} groups={d.affected.groups} />
        ))}
        <h2>Privacy checklist for partners and vendors</h2>
        <p>A “no” to a required item is a blocking issue carried to the decision.</p>
        {rubric.privacyItems.map((item) => {
          const f = privacy[item.key]!.getFieldset()
          return (
            <fieldset key={item.key} className="criterion" disabled={!d.editable}>
              <legend>
                {item.question}
                {item.required ? ' (required)' : ''}
              </legend>
              <ChoiceGroup
                field={f.answer!}
                legend="Answer"
                hint={item.guidance}
                type="radio"
                inline
                options={PRIVACY_ANSWERS.map((a) => ({ value: a, label: PRIVACY_ANSWER_LABELS[a] }))}
              />
              <TextAreaField field={f.evidence!} label="Evidence" hint="Required for a “no”: say what is missing." rows={2} />
            </fieldset>
          )
        })}
        {d.editable ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="secondary" disabled={navigation.state === 'submitting'}>
              Save draft
            </button>
            <button type="submit" name="intent" value="submit" disabled={navigation.state === 'submitting'}>
              Submit my review
            </button>
          </div>
        ) : null}
      </Form>
    </>
  )
}
