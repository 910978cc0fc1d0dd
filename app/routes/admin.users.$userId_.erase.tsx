import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { requireAdministeredPerson } from '~/identity/administered-person.server'
import { erasePerson, erasureRefusalFor } from '~/identity/erase-person.server'
import { erasureSchema } from '~/identity/erasure-schema'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'admin')
  return pageTitle(data ? t('erase.title', { name: data.person.name }) : undefined, t('people.title'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  return {
    person: { id: person.id, name: person.name, email: person.email },
    refusal: await erasureRefusalFor(db, admin, person),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, person, db } = await requireAdministeredPerson(request, params.userId)
  const locale = await localeFor(request, admin)
  const submission = parseWithZod(await formDataOf(request), { schema: erasureSchema(person.email) })
  if (submission.status !== 'success') return data({ result: translateReply(submission.reply(), locale) }, { status: 400 })
  const erased = await erasePerson(db, admin, person.id, { locale })
  if (!erased.ok) return data({ result: submission.reply({ formErrors: [erased.message] }) }, { status: erased.status })
  return { result: submission.reply({ resetForm: true }), erasedAs: erased.pseudonym.name }
}

export default function ErasePerson() {
  const { person, refusal } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
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
        <h1>{t('erase.title', { name: person.name })}</h1>
        <div role="status">
          <p className="notice success">{t('erase.done', { pseudonym: actionData.erasedAs })}</p>
        </div>
        <p>
          <Link to="/admin/users">{t('erase.people')}</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <p>
        <Link to={`/admin/users/${person.id}`}>{t('erase.back')}</Link>
      </p>
      <h1>{t('erase.title', { name: person.name })}</h1>
      <p>{t('erase.what')}</p>
      <p>{t('erase.kept')}</p>
      <p>
        <Trans t={t} i18nKey="erase.exportFirst" components={{ export: <Link to={`/admin/users/${person.id}/data`} /> }} />
      </p>
      {refusal ? (
        <FormErrors errors={[t(`erase.refusal.${refusal}`)]} />
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors errors={form.errors} />
          <p>
            <strong>{t('erase.cannotUndo')}</strong>
          </p>
          <Field id={fields.confirmEmail.id} label={t('erase.confirmLabel')} hint={person.email} errors={fields.confirmEmail.errors}>
            <input
              {...getInputProps(fields.confirmEmail, { type: 'text' })}
              autoComplete="off"
              spellCheck={false}
              {...describedBy(fields.confirmEmail.id, { hint: true, errors: fields.confirmEmail.errors })}
            />
          </Field>
          <button type="submit" className="warning" disabled={navigation.state === 'submitting'}>
            {t('erase.submit')}
          </button>
        </Form>
      )}
    </>
  )
}
