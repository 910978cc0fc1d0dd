import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useFetcher, useLoaderData, useSearchParams, type MetaFunction } from '@remix-run/react'
import { type TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import { listAttachments } from '#db/attachments.server'
import { findIntake } from '#db/intake.server'
import { can } from '#machines/proposal-workflow'
import { describedBy, Field } from '~/components/forms'
import { IntakeForm } from '~/components/intake-form'
import { getLocale } from '~/utils/i18n.server'
import { translateMessage, translateReply } from '~/utils/translate-reply'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL } from '~/utils/document-type'
import { formatNumber } from '~/utils/format'
import { fixedT, type Locale } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useLocale } from '~/utils/use-locale'
import { vm } from '~/utils/validation-message'
import { isUuid } from '~/utils/ids'
import { actorFor } from '~/workflow/actor.server'
import { intakeFormSchema } from '~/workflow/intake/intake-schema'
import {
  addIntakeAttachment,
  eligibleReviewers,
  removeIntakeAttachment,
  reviewerChoiceProblem,
  saveDraft,
  submitForScreening,
} from '~/workflow/intake/intake.server'
import { toFormDefaults } from '~/workflow/intake/intake-values'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'proposal')('edit.title'))

const ACCEPT = '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text'

/** The proposer's own draft, and only while the machine lets them change it. */
async function requireEditableDraft(request: Request, params: LoaderFunctionArgs['params']) {
  const access = await requireProposal(request, params)
  if (!can(access.snapshot, { type: 'proposal.update', actor: actorFor(access.user) })) {
    throw new Response(fixedT(await localeFor(request, access.user), 'proposal')('edit.onlyProposer'), { status: 403 })
  }
  return access
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireEditableDraft(request, params)
  const [intake, reviewers, files] = [
    await findIntake(db, proposal.id),
    await eligibleReviewers(db, user.organisationId, user.id),
    await listAttachments(db, proposal.id, 'intake'),
  ]
  return {
    id: proposal.id,
    version: proposal.version,
    defaultValue: toFormDefaults({ proposal, intake }),
    reviewers,
    minReviewers: snapshot.context.minReviewers,
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size, sha256: f.sha256 })),
  }
}

type Args = ActionFunctionArgs & Awaited<ReturnType<typeof requireEditableDraft>>

async function attach({ request, user, db, proposal }: Args) {
  const locale = await getLocale(request)
  const declared = Number(request.headers.get('content-length') ?? 0)
  const tooLarge = { kind: 'attachment' as const, error: translateMessage(vm('intake.attachTooLarge', { size: MAX_ATTACHMENT_LABEL }), locale) }
  // A little room above the limit for the form's own fields and boundaries.
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) return data(tooLarge, { status: 413 })
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data(tooLarge, { status: 413 })
    return data({ kind: 'attachment' as const, error: vm('intake.unreadableUpload') }, { status: 400 })
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) {
    return data({ kind: 'attachment' as const, error: translateMessage(vm('intake.chooseFile'), locale) }, { status: 400 })
  }
  const result = await addIntakeAttachment(db, {
    locale,
    actor: actorFor(user),
    organisationId: user.organisationId,
    proposalId: proposal.id,
    filename: file.name,
    bytes: Buffer.from(await file.arrayBuffer()),
  })
  if (!result.ok) return data({ kind: 'attachment' as const, error: result.message }, { status: result.status })
  return data({ kind: 'attachment' as const, error: null })
}

async function detach({ request, user, db, proposal }: Args, attachmentId: FormDataEntryValue | null) {
  const locale = await getLocale(request)
  if (typeof attachmentId !== 'string' || !isUuid(attachmentId)) {
    return data({ kind: 'attachment' as const, error: translateMessage(vm('intake.notInPapers'), locale) }, { status: 400 })
  }
  const result = await removeIntakeAttachment(db, {
    locale,
    actor: actorFor(user),
    organisationId: user.organisationId,
    proposalId: proposal.id,
    attachmentId,
  })
  if (!result.ok) return data({ kind: 'attachment' as const, error: result.message }, { status: result.status })
  return data({ kind: 'attachment' as const, error: null })
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireEditableDraft(args.request, args.params)
  const all = { ...args, ...access }
  if ((args.request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return attach(all)
  const formData = await formDataOf(args.request)
  if (formData.get('intent') === 'detach') return detach(all, formData.get('attachmentId'))

  const { user, db, proposal, snapshot } = access
  const locale = await getLocale(args.request)
  const minReviewers = snapshot.context.minReviewers
  const submission = parseWithZod(formData, { schema: intakeFormSchema(minReviewers) })
  const refuse = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) =>
    data({ kind: 'intake' as const, result: translateReply(submission.reply(errors), locale) }, { status })
  if (submission.status !== 'success') return refuse(400, {})
  const values = submission.value
  if (values.version === undefined) return refuse(400, { formErrors: [vm('intake.unexpectedForm')] })
  const problem = await reviewerChoiceProblem(db, user.organisationId, user.id, values.reviewerIds ?? [])
  if (problem) return refuse(400, { fieldErrors: { reviewerIds: [problem] } })
  const target = { actor: actorFor(user), organisationId: user.organisationId, proposalId: proposal.id, values, expectedVersion: values.version, locale }
  const result = values.intent === 'submit' ? await submitForScreening(db, { ...target, minReviewers, mail: mailSettings((await appContext()).config) }) : await saveDraft(db, { ...target, current: access.loaded })
  if (!result.ok) return refuse(result.status, { formErrors: [result.message] })
  throw redirect(values.intent === 'submit' ? `/proposals/${proposal.id}/screening` : `/proposals/${proposal.id}/edit?saved=1`)
}

function formatSize(t: TFunction<'proposal'>, locale: Locale, bytes: number) {
  return bytes >= 1024 * 1024
    ? t('edit.megabytes', { size: formatNumber(locale, bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })
    : t('edit.kilobytes', { size: formatNumber(locale, Math.max(1, Math.round(bytes / 1024))) })
}

export default function EditProposal() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  // Papers go through a fetcher, so that attaching one keeps what is typed in the form below.
  const papers = useFetcher<typeof action>()
  const [params] = useSearchParams()
  const paperResult = papers.data?.kind === 'attachment' ? papers.data : result?.kind === 'attachment' ? result : undefined
  const attachmentError = paperResult?.error ? [paperResult.error] : undefined
  const { t } = useTranslation('proposal')
  const locale = useLocale()
  return (
    <>
      <h2>{t('edit.title')}</h2>
      {params.get('saved') ? (
        <p className="notice success" role="status">
          {t('edit.saved')}
        </p>
      ) : null}
      <section aria-labelledby="papers-heading" className="panel">
        <h3 id="papers-heading">{t('edit.papers')}</h3>
        <p>{t('edit.papersIntro', { max: MAX_ATTACHMENT_LABEL })}</p>
        {d.attachments.length === 0 ? (
          <p>{t('edit.noPapers')}</p>
        ) : (
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/proposals/${d.id}/attachments/${a.id}`}>{a.filename}</a>{' '}
                <Trans
                  t={t}
                  i18nKey="edit.paperFacts"
                  values={{ size: formatSize(t, locale, a.size), hash: a.sha256.slice(0, 12) }}
                  components={{ hash: <span className="hash" /> }}
                />
                <papers.Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="detach" />
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <button type="submit" className="secondary">
                    {t('edit.remove')}
                    <span className="visually-hidden"> {a.filename}</span>
                  </button>
                </papers.Form>
              </li>
            ))}
          </ul>
        )}
        {/* Keyed by the papers held, so the file input empties once a file is attached. */}
        <papers.Form key={d.attachments.length} method="post" encType="multipart/form-data" className="stack">
          <Field id="attachment-file" label={t('edit.attachLabel')} errors={attachmentError}>
            <input id="attachment-file" type="file" name="file" accept={ACCEPT} required {...describedBy('attachment-file', { errors: attachmentError })} />
          </Field>
          <button type="submit" className="secondary" disabled={papers.state !== 'idle'}>
            {t('edit.attach')}
          </button>
        </papers.Form>
      </section>
      <IntakeForm
        lastResult={result?.kind === 'intake' ? result.result : undefined}
        defaultValue={d.defaultValue}
        reviewers={d.reviewers}
        minReviewers={d.minReviewers}
        version={d.version}
        canSubmit
      />
    </>
  )
}
