import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { getDb } from '~/utils/app-context.server'
import { requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { stageLabel } from '#machines/vocabulary/labels'
import { formatDate } from '~/utils/calendar'
import { lookUpHeldReceipt, lookUpReceipt } from '~/workflow/consultation/concerns.server'
import { CATEGORY_LABELS, ReceiptLookupSchema } from '~/workflow/consultation/forms'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Look up an anonymous concern')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

/**
 * Posted, never in the address: a receipt code must not reach browser history,
 * server logs or a Referer header. Nothing about a lookup is recorded.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await formDataOf(request), { schema: ReceiptLookupSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), concern: null, held: null }, { status: 400 })
  const db = await getDb()
  const concern = await lookUpReceipt(db, user.organisationId, submission.value.code)
  const held = concern ? null : await lookUpHeldReceipt(db, user.organisationId, submission.value.code)
  if (held) return { result: submission.reply(), concern: null, held }
  if (!concern) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { code: ['No concern has that receipt code. Check it and try again.'] },
        }),
        concern: null,
        held: null,
      },
      { status: 404 },
    )
  }
  return { result: submission.reply(), concern, held: null }
}

export default function ReceiptLookup() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'receipt',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ReceiptLookupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReceiptLookupSchema }),
  })
  const concern = actionData?.concern
  const held = actionData?.held
  return (
    <>
      <h1>Look up an anonymous concern</h1>
      <p>
        When you raised a concern anonymously you were given a receipt code. Enter it to see your
        concern, how many colleagues endorsed it and the response. Nothing about this lookup is
        recorded.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field
          id={fields.code.id}
          label="Receipt code"
          hint="For example ABCD-EFGH-JKMN-PQRS-TVWX."
          errors={fields.code.errors}
        >
          <input
            {...getInputProps(fields.code, { type: 'text' })}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            {...describedBy(fields.code.id, { hint: true, errors: fields.code.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Look up
        </button>
      </Form>
      {held ? (
        <section aria-labelledby="held-heading" className="panel" role="status">
          <h2 id="held-heading">Your concern about {held.proposal.title}</h2>
          <p className="muted">
            {held.proposal.reference} · {held.category ? CATEGORY_LABELS[held.category] : null} · written{' '}
            {formatDate(held.heldOn)} · waiting for release
          </p>
          <p className="prewrap">{held.text}</p>
          <p>
            It is held with other anonymous contributions and released with the next batch. Nobody else can read
            it until then. <Link to="/anonymity">How anonymous contributions are released</Link>.
          </p>
        </section>
      ) : null}
      {concern ? (
        <section aria-labelledby="found-heading" className="panel" role="status">
          <h2 id="found-heading">Your concern about {concern.proposal.title}</h2>
          <p className="muted">
            {concern.proposal.reference} · {stageLabel(concern.proposal.stage)} ·{' '}
            {CATEGORY_LABELS[concern.category]} · raised {formatDate(concern.raisedOn)} ·{' '}
            {concern.endorsements === 1 ? '1 endorsement' : `${concern.endorsements} endorsements`}
          </p>
          <p className="prewrap">{concern.text}</p>
          {concern.hiddenReason !== null ? (
            <p className="notice warning">
              It was hidden for breaking the code of conduct. Reason given: {concern.hiddenReason}
            </p>
          ) : null}
          {concern.response !== null ? (
            <>
              <h3>Response{concern.respondedOn ? `, ${formatDate(concern.respondedOn)}` : ''}</h3>
              <p className="prewrap">{concern.response}</p>
              {concern.responseCondition ? (
                <p>
                  <strong>Condition carried into the decision:</strong> {concern.responseCondition}
                </p>
              ) : null}
            </>
          ) : concern.hiddenReason === null ? (
            <p>No response has been published yet.</p>
          ) : null}
          <p>
            <Link to={`/proposals/${concern.proposal.id}/consultation`}>
              Go to the consultation
            </Link>
          </p>
        </section>
      ) : null}
    </>
  )
}
