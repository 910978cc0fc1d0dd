import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { can } from '#machines/proposal-workflow'
import { FormErrors } from '~/components/forms'
import { formDataOf } from '~/utils/multipart.server'
import { actorFor } from '~/workflow/actor.server'
import { applySimpleEvent, simpleEvent } from '~/workflow/simple-events.server'
import { IndicatorChart, RagTag } from '~/components/monitoring/indicator-chart'
import { DueTag } from '~/components/monitoring/due-tag'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formatDate as formatDateIn, serviceDate } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary } from '~/utils/vocabulary'
import { getMonitoringView } from '~/workflow/monitoring/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'monitoring')('page.title'))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const view = await getMonitoringView(db, { proposal, snapshot, user, today: serviceDate(new Date()), locale: await localeFor(request, user) })
  // The same question the overview asks the machine before offering the start.
  const canStart = can(snapshot, simpleEvent('monitoring.start', actorFor(user)))
  return { proposalId: proposal.id, stage: proposal.stage, view, canStart, version: proposal.version }
}

const StartSchema = z.object({ intent: z.literal('monitoring.start'), version: z.coerce.number().int().positive() })

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: StartSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await applySimpleEvent(db, { user, proposalId: proposal.id, type: 'monitoring.start', expectedVersion: submission.value.version, locale: await localeFor(request, user) })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect(`/proposals/${proposal.id}/monitoring`)
}

const BEFORE_MONITORING = new Set(['draft', 'screening', 'consultation', 'decision'])

export default function MonitoringPage() {
  const { proposalId, stage, view, canStart, version } = useLoaderData<typeof loader>()
  const startResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { plan, actions } = view
  const base = `/proposals/${proposalId}/monitoring`
  const openRound = view.rounds.find((r) => r.closedOn === null)
  const { t } = useTranslation('monitoring')
  const label = useVocabulary()
  const locale = useLocale()
  const formatDate = (value: string) => formatDateIn(value, locale)
  return (
    <>
      <h2>{t('page.title')}</h2>
      {!plan ? (
        <p>{BEFORE_MONITORING.has(stage) ? t('page.notYet') : t('page.noPlan')}</p>
      ) : (
        <section aria-labelledby="plan-heading" className="panel">
          <h3 id="plan-heading">{t('page.schedule')}</h3>
          <dl className="facts">
            <dt>{t('page.reviews')}</dt>
            <dd>{t('page.interval', { interval: plan.interval, date: formatDate(plan.startsOn) })}</dd>
            <dt>{t('page.nextReview')}</dt>
            <dd>
              {t('page.next', { slot: plan.nextSlot, date: formatDate(plan.nextDueOn) })}{' '}
              {plan.dueState ? <DueTag state={plan.dueState} /> : null}
              {stage === 'approved' ? (
                <span className="muted">{t('page.beginOnStart')}</span>
              ) : stage !== 'monitoring' ? (
                <span className="muted">{t('page.resume')}</span>
              ) : null}
            </dd>
            <dt>{t('page.responsible')}</dt>
            <dd>{plan.responsible}</dd>
          </dl>
        </section>
      )}

      {canStart ? (
        <Form method="post" className="panel stack" aria-labelledby="start-heading">
          <h3 id="start-heading">{t('page.start')}</h3>
          <p>{t('page.startIntro')}</p>
          <FormErrors errors={startResult?.error?.[''] ?? undefined} />
          <input type="hidden" name="intent" value="monitoring.start" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('page.start')}
          </button>
        </Form>
      ) : null}

      {openRound ? (
        <section aria-labelledby="round-heading" className="notice warning">
          <h3 id="round-heading">{openRound.phase === 'reassessment' ? t('page.reassessing') : t('page.suspended')}</h3>
          <p>
            <strong>{label('escalationTrigger', openRound.trigger)}</strong>
            {t('page.openedOn', { date: formatDate(openRound.openedOn) })}
            {openRound.triggerSummary}
          </p>
          <p>
            {openRound.outcome
              ? t('page.proposedOutcome', { outcome: label('reassessmentOutcome', openRound.outcome) })
              : t('page.noOutcome')}{' '}
            <Link to={`${base}/reassessment`}>
              {actions.canRecord || actions.canSign ? t('page.decide') : t('page.seeReassessment')}
            </Link>
          </p>
        </section>
      ) : null}

      {actions.review || actions.incident || actions.escalate || actions.raiseConcern ? (
        <section aria-labelledby="monitoring-actions-heading">
          <h3 id="monitoring-actions-heading">{t('page.whatYouCanDo')}</h3>
          <ul className="actions">
            {actions.review && plan ? (
              <li>
                <Link className="button" to={`${base}/review`}>
                  {t('page.recordReview', { slot: plan.nextSlot })}
                </Link>
              </li>
            ) : null}
            {actions.incident ? (
              <li>
                <Link className="button secondary" to={`${base}/incident`}>
                  {t('page.recordIncident')}
                </Link>
              </li>
            ) : null}
            {actions.raiseConcern ? (
              <li>
                <Link className="button secondary" to={`/proposals/${proposalId}/consultation#concerns`}>
                  {t('page.raiseConcern')}
                </Link>
              </li>
            ) : null}
            {actions.escalate ? (
              <li>
                <Link className="button secondary" to={`${base}/escalate`}>
                  {t('page.escalate')}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {view.indicators.length ? (
        <section aria-labelledby="indicators-heading">
          <h3 id="indicators-heading">{t('page.indicators')}</h3>
          {view.indicators.map((i) => (
            <div key={i.id} className="indicator">
              <IndicatorChart indicator={i} />
              <p className="muted">{t('page.measure', { measure: label('indicatorMeasure', i.measure) })}</p>
            </div>
          ))}
        </section>
      ) : null}

      {view.conditions.length ? (
        <section aria-labelledby="conditions-heading">
          <h3 id="conditions-heading">{t('page.conditions')}</h3>
          <DataTable caption={t('page.conditionsCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('page.condition')}</th>
                <th scope="col">{t('page.from')}</th>
                <th scope="col">{t('page.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {view.conditions.map((k) => (
                <tr key={k.id}>
                  <td>{k.text}</td>
                  <td>{k.addedLater ? t('page.fromReassessment') : label('conditionSource', k.source)}</td>
                  <td>{k.latest ? label('conditionStatus', k.latest) : t('page.notChecked')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {plan ? (
        <section aria-labelledby="reviews-heading">
          <h3 id="reviews-heading">{t('page.reviews')}</h3>
          {view.reviews.length === 0 ? (
            <p>{t('page.noReviews')}</p>
          ) : (
            <DataTable caption={t('page.reviewsCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('page.review')}</th>
                  <th scope="col">{t('page.due')}</th>
                  <th scope="col">{t('page.reviewed')}</th>
                  <th scope="col">{t('page.status')}</th>
                  <th scope="col">{t('page.findings')}</th>
                  <th scope="col">{t('page.recordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {view.reviews.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{t('page.reviewSlot', { slot: r.slot })}</th>
                    <td>{formatDate(r.dueOn)}</td>
                    <td>{formatDate(r.reviewedOn)}</td>
                    <td>
                      <RagTag status={r.status} />
                    </td>
                    <td className="pre-line">
                      {r.escalation ? (
                        <>
                          <strong>{t('page.escalation', { trigger: label('escalationTrigger', r.escalation) })}</strong>{' '}
                        </>
                      ) : null}
                      {r.narrative}
                    </td>
                    <td>{r.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : null}

      {view.rounds.length ? (
        <section aria-labelledby="rounds-heading">
          <h3 id="rounds-heading">{t('page.rounds')}</h3>
          <ol className="timeline">
            {view.rounds.map((r) => (
              <li key={r.id}>
                <strong>
                  {r.phase === 'reassessment'
                    ? t('page.reassessmentFrom', { date: formatDate(r.openedOn) })
                    : t('page.suspensionFrom', { date: formatDate(r.openedOn) })}
                </strong>
                {t('page.roundTrigger', { trigger: label('escalationTrigger', r.trigger) })}
                {r.outcome && r.closedOn ? (
                  <>
                    {' '}
                    {t('page.outcome')} <strong>{label('reassessmentOutcome', r.outcome)}</strong>
                    {t('page.signedBy', { date: formatDate(r.closedOn), names: r.signatures.map((s) => s.name).join(t('page.namesJoin')) })}
                    {r.newConditions.length ? t('page.conditionsAdded', { conditions: r.newConditions.join('; ') }) : ''}{' '}
                    {r.addendumId ? (
                      <>
                        <a href={`${base}/addenda/${r.addendumId}`} download>
                          {t('page.downloadAddendum')}
                        </a>{' '}
                        · <Link to={`/verify/${r.addendumId}`}>{t('page.verifyIt')}</Link>
                      </>
                    ) : null}
                  </>
                ) : (
                  t('page.stillOpen')
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="incidents-heading">
        <h3 id="incidents-heading">{t('page.incidents')}</h3>
        {view.incidents.length === 0 ? (
          <p>{t('page.noIncidents')}</p>
        ) : (
          <DataTable caption={t('page.incidentsCaption')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('page.when')}</th>
                <th scope="col">{t('page.where')}</th>
                <th scope="col">{t('page.what')}</th>
                <th scope="col">{t('page.who')}</th>
                <th scope="col">{t('page.actionTaken')}</th>
                <th scope="col">{t('page.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {view.incidents.map((n) => (
                <tr key={n.id}>
                  <td>
                    {formatDate(n.occurredOn)}
                    {n.occurredTime ? `, ${n.occurredTime}` : ''}
                  </td>
                  <td>{n.location}</td>
                  <td className="pre-line">{n.description}</td>
                  <td>{n.rolesInvolved.join(', ')}</td>
                  <td className="pre-line">{n.actionTaken}</td>
                  <td>{n.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  )
}
