import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { requireAdministeredPerson } from '~/identity/administered-person.server'
import { erasePerson, erasureRefusalFor } from '~/identity/erase-person.server'
import { erasureSchema } from '~/identity/erasure-schema'
import { pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'

// The page's words, together so that they move into the message catalogues in one piece.
const TEXT = {
  title: (name: string) => `Erase ${name}`,
  back: 'Back to their page',
  what: 'Erasing replaces their name and e-mail address with a pseudonym everywhere Probity shows or sends them: their account, notices and e-mail that mention them. Their account is closed and their sessions end at once. Notices and e-mail addressed to them are deleted.',
  kept: 'What they did stays in the record under the pseudonym: proposals, reviews, concerns, decisions and the audit trail keep pointing at the same account, so every audit chain still verifies. Signed decision records already issued are kept unchanged, and may still name them.',
  exportFirst: 'If they asked for a copy of their data, ',
  exportLink: 'export it first',
  cannotUndo: 'This cannot be undone.',
  confirmLabel: 'Type their e-mail address to confirm',
  submit: 'Erase this person',
  done: (pseudonym: string) => `Erased. They now appear as “${pseudonym}”, and can no longer sign in.`,
  people: 'Back to people',
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? TEXT.title(data.person.name) : undefined, 'People')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  return {
    person: { id: person.id, name: person.name, email: person.email },
    refusal: await erasureRefusalFor(db, admin, person),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  const submission = parseWithZod(await formDataOf(request), { schema: erasureSchema(person.email) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const erased = await erasePerson(db, admin, person.id)
  if (!erased.ok) return data({ result: submission.reply({ formErrors: [erased.message] }) }, { status: erased.status })
  return { result: submission.reply({ resetForm: true }), erasedAs: erased.pseudonym.name }
}

export default function ErasePerson() {
  const { person, refusal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = erasureSchema(person.email)
  const [form, fields] = useForm({
    id: 'erase-person',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  })
  if (actionData && 'erasedAs' in actionData) {
    return (
      <>
        <h1>{TEXT.title(person.name)}</h1>
        <div role="status">
          <p className="notice success">{TEXT.done(actionData.erasedAs)}</p>
        </div>
        <p>
          <Link to="/admin/users">{TEXT.people}</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <p>
        <Link to={`/admin/users/${person.id}`}>{TEXT.back}</Link>
      </p>
      <h1>{TEXT.title(person.name)}</h1>
      <p>{TEXT.what}</p>
      <p>{TEXT.kept}</p>
      <p>
        {TEXT.exportFirst}
        <Link to={`/admin/users/${person.id}/data`}>{TEXT.exportLink}</Link>.
      </p>
      {refusal ? (
        <FormErrors errors={[refusal]} />
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors errors={form.errors} />
          <p>
            <strong>{TEXT.cannotUndo}</strong>
          </p>
          <Field id={fields.confirmEmail.id} label={TEXT.confirmLabel} hint={person.email} errors={fields.confirmEmail.errors}>
            <input
              {...getInputProps(fields.confirmEmail, { type: 'text' })}
              autoComplete="off"
              spellCheck={false}
              {...describedBy(fields.confirmEmail.id, { hint: true, errors: fields.confirmEmail.errors })}
            />
          </Field>
          <button type="submit" className="warning" disabled={navigation.state === 'submitting'}>
            {TEXT.submit}
          </button>
        </Form>
      )}
    </>
  )
}
