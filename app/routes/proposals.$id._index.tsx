import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { listAuditEntries, verifyEntries } from '#db/audit.server'
import { listUsers } from '#db/users.server'
import { can } from '#machines/proposal-workflow'
import { BilingualText } from '~/components/bilingual-text'
import { Field, FormErrors } from '~/components/forms'
import { IntakeSummary } from '~/components/intake-summary'
import { actorFor } from '~/workflow/actor.server'
import { papersFor } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { canSeePapers } from '~/workflow/screening/access'
import { SIMPLE_EVENTS, SimpleEventSchema, type SimpleEventType } from '~/workflow/simple-events'
import { applySimpleEvent, simpleEvent } from '~/workflow/simple-events.server'
import { describeAuditEntry } from '~/utils/audit-summary'
import { getLocale } from '~/utils/i18n.server'
import { formDataOf } from '~/utils/multipart.server'
import { vm } from '~/utils/validation-message'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const actor = actorFor(user)
  const locale = await getLocale(request)
  const [entries, people] = await Promise.all([listAuditEntries(db, proposal.id), listUsers(db, user.organisationId)])
  const names = new Map(people.map((p) => [p.id, p.name]))
  const chain = verifyEntries(proposal.id, entries)
  // A reviewer declares any conflict having seen only the title, partner and contractor.
  const papersVisible = canSeePapers(snapshot, user.id)
  return {
    description: papersVisible ? proposal.description : '',
    descriptionCy: papersVisible ? proposal.descriptionCy : null,
    papers: await papersFor(db, proposal, papersVisible),
    canEdit: can(snapshot, { type: 'proposal.update', actor }),
    version: proposal.version,
    actions: (Object.keys(SIMPLE_EVENTS) as SimpleEventType[])
      // A placeholder reason: the machine checks who and when; the form asks for the real one.
      .filter((type) => can(snapshot, simpleEvent(type, actor, 'reason')))
      .map((type) => ({ type, needsReason: SIMPLE_EVENTS[type].needsReason })),
    chain: chain.ok ? { ok: true as const, length: chain.length, headHash: chain.headHash } : { ok: false as const, brokenAtSeq: chain.brokenAtSeq },
    timeline: entries.map((e) => ({
      seq: e.seq,
      at: e.actorKind === 'anonymous_staff' ? e.at.toISOString().slice(0, 10) : e.at.toISOString().replace('T', ' ').slice(0, 16),
      eventType: e.eventType,
      summary: describeAuditEntry(e, locale),
      // A name, or which kind of actor it was for the page to word.
      who:
        e.actorKind === 'user'
          ? (names.get(e.actorId ?? '') ?? { kind: 'formerStaff' as const })
          : e.actorKind === 'system'
            ? { kind: 'system' as const }
            : { kind: 'anonymousStaff' as const },
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: SimpleEventSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { intent, version, reason } = submission.value
  if (SIMPLE_EVENTS[intent].needsReason && !reason) {
    return data(submission.reply({ fieldErrors: { reason: [vm('overview.reasonRequired')] } }), { status: 400 })
  }
  const result = await applySimpleEvent(db, { user, proposalId: proposal.id, type: intent, reason, expectedVersion: version, locale: await getLocale(request) })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect(`/proposals/${proposal.id}`)
}

export default function ProposalOverview() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('proposal')
  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('overview.summary')}</h2>
        {d.papers ? (
          d.description || d.descriptionCy ? (
            <BilingualText
              en={d.description}
              cy={d.descriptionCy}
              first={(text, lang) => <p lang={lang}>{text}</p>}
              second={(text, lang) => <p lang={lang}>{text}</p>}
            />
          ) : (
            <p>{t('overview.noDescription')}</p>
          )
        ) : (
          <p>
            <Trans t={t} i18nKey="overview.declareFirst" components={{ anchor: <Link to="screening" /> }} />
          </p>
        )}
        {d.canEdit ? (
          <p>
            <Link className="button" to="edit">
              {t('overview.edit')}
            </Link>
          </p>
        ) : null}
      </section>
      {d.papers ? <IntakeSummary summary={d.papers.summary} attachments={d.papers.attachments} /> : null}
      <section aria-labelledby="actions-heading" className="panel">
        <h2 id="actions-heading">{t('overview.actions')}</h2>
        <FormErrors errors={result?.error?.[''] ?? undefined} />
        {d.actions.length === 0 ? (
          <p>{t('overview.nothingToDo')}</p>
        ) : (
          d.actions.map((a) => (
            <Form method="post" key={a.type} className="stack">
              <input type="hidden" name="intent" value={a.type} />
              <input type="hidden" name="version" value={d.version} />
              {a.needsReason ? (
                <Field id={`reason-${a.type}`} label={t('overview.reason')} errors={result?.error?.reason ?? undefined}>
                  <textarea id={`reason-${a.type}`} name="reason" maxLength={2000} required />
                </Field>
              ) : null}
              <button type="submit" className={a.type === 'proposal.withdraw' ? 'warning' : undefined}>
                {t(`overview.action.${a.type}`)}
              </button>
            </Form>
          ))
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('overview.history')}</h2>
        <p>
          {d.chain.ok ? (
            <span className="badge-ok">{t('overview.chainVerified', { count: d.chain.length, head: d.chain.headHash.slice(0, 16) })}</span>
          ) : (
            <span className="badge-bad">{t('overview.chainBroken', { seq: d.chain.brokenAtSeq })}</span>
          )}
        </p>
        <ol className="timeline">
          {d.timeline.map((e) => (
            <li key={e.seq}>
              <strong>{e.summary}</strong>
              <br />
              <span className="muted">
                {t('overview.entryFacts', { seq: e.seq, at: e.at, who: typeof e.who === 'string' ? e.who : t(`overview.${e.who.kind}`) })}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
