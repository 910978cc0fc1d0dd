import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { deleteOtherSessions } from '#db/sessions.server'
import { findUserInOrganisation, setUserPassword } from '#db/users.server'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { requireAccount } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { translateReply } from '~/utils/translate-reply'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { ChangePasswordSchema, MIN_PASSWORD_LENGTH } from '~/utils/people-schema'
import {
  isThrottled,
  recordFailure,
  throttleKeys,
  THROTTLE_WINDOW_MINUTES,
} from '~/utils/throttle.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'auth')('changePassword.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccount(request)
  return null
}

const HIDDEN = { hideFields: ['currentPassword', 'newPassword'] }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAccount(request)
  const locale = await localeFor(request, user)
  const t = fixedT(locale, 'auth')
  const submission = parseWithZod(await formDataOf(request), { schema: ChangePasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: translateReply(submission.reply(HIDDEN), locale), changed: false }, { status: 400 })
  }
  const { database, secret } = await appContext()
  const db = database.db
  // Someone holding a stolen session must not be able to guess the password here either.
  const keys = throttleKeys(secret, user.email, context.clientAddress ?? 'unknown')
  if (await isThrottled(db, keys)) {
    const formErrors = [t('signIn.throttled', { minutes: THROTTLE_WINDOW_MINUTES })]
    return data(
      { result: submission.reply({ ...HIDDEN, formErrors }), changed: false },
      { status: 429 },
    )
  }
  const account = await findUserInOrganisation(db, user.organisationId, user.id)
  if (!account || !(await verifyPassword(account.passwordHash, submission.value.currentPassword))) {
    await recordFailure(db, keys)
    const fieldErrors = { currentPassword: [t('changePassword.notCurrent')] }
    return data(
      { result: submission.reply({ ...HIDDEN, fieldErrors }), changed: false },
      { status: 400 },
    )
  }
  const passwordHash = await hashPassword(submission.value.newPassword)
  await db.transaction(async (tx) => {
    await setUserPassword(tx, user.id, passwordHash)
    // Whoever else was signed in as this person, with the old password, is signed out.
    await deleteOtherSessions(tx, user.id, user.sessionId)
  })
  return { result: submission.reply({ ...HIDDEN, resetForm: true }), changed: true }
}

export default function ChangePassword() {
  const { t } = useTranslation('auth')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ChangePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    // Errors clear as they are fixed; on blur, the button would move under the pointer as they vanish.
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h1>{t('changePassword.title')}</h1>
      <div role="status">
        {actionData?.changed ? (
          <p className="notice success">{t('changePassword.changed')}</p>
        ) : null}
      </div>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field
          id={fields.currentPassword.id}
          label={t('password.currentLabel')}
          errors={fields.currentPassword.errors}
        >
          <input
            {...getInputProps(fields.currentPassword, { type: 'password' })}
            autoComplete="current-password"
            {...describedBy(fields.currentPassword.id, { errors: fields.currentPassword.errors })}
          />
        </Field>
        <Field
          id={fields.newPassword.id}
          label={t('password.newLabel')}
          hint={t('password.hint', { count: MIN_PASSWORD_LENGTH })}
          errors={fields.newPassword.errors}
        >
          <input
            {...getInputProps(fields.newPassword, { type: 'password' })}
            autoComplete="new-password"
            {...describedBy(fields.newPassword.id, {
              hint: true,
              errors: fields.newPassword.errors,
            })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('changePassword.submit')}
        </button>
      </Form>
    </>
  )
}
