import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { TrustHelp, VerificationResult } from '~/components/verification-result'
import { MAX_VERIFY_BYTES, MAX_VERIFY_LABEL, VerifyUploadSchema } from '~/signing/verify-upload-schema'
import { verifyRecordFile } from '~/signing/verify-record.server'
import { appContext } from '~/utils/app-context.server'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { isForged } from '~/utils/multipart.server'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'verify')('upload.title'))

const TOO_LARGE = vm('verify.fileTooLarge', { max: MAX_VERIFY_LABEL })
const USE_THE_FORM = vm('verify.useTheForm')

// Public: anyone holding a record may check it, signed in or not.
export async function action({ request }: ActionFunctionArgs) {
  const locale = await getLocale(request)
  // A refusal the action makes itself, written out in the visitor's language like the schema's.
  const refuse = (message: string) => translateReply({ status: 'error' as const, error: { file: [message] } }, locale)
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > MAX_VERIFY_BYTES + 64 * 1024) {
    return data({ lastResult: refuse(TOO_LARGE), verification: null }, { status: 413 })
  }
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_VERIFY_BYTES }),
    )
  } catch (error) {
    const tooLarge = error instanceof MaxPartSizeExceededError
    return data({ lastResult: refuse(tooLarge ? TOO_LARGE : USE_THE_FORM), verification: null }, { status: tooLarge ? 413 : 400 })
  }
  if (isForged(formData)) {
    return data({ lastResult: refuse(USE_THE_FORM), verification: null }, { status: 400 })
  }
  const submission = parseWithZod(formData, { schema: VerifyUploadSchema })
  if (submission.status !== 'success') {
    return data({ lastResult: translateReply(submission.reply(), locale), verification: null }, { status: 400 })
  }
  const bytes = Buffer.from(await submission.value.file.arrayBuffer())
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return data(
      { lastResult: translateReply(submission.reply({ fieldErrors: { file: [vm('verify.notPdf')] } }), locale), verification: null },
      { status: 400 },
    )
  }
  const { database, config } = await appContext()
  const verification = await verifyRecordFile(database.db, config, bytes, locale)
  return { lastResult: submission.reply({ resetForm: true }), verification }
}

export default function VerifyRecord() {
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('verify')
  const [form, fields] = useForm({
    id: 'verify-record',
    lastResult: result?.lastResult,
    constraint: getZodConstraint(VerifyUploadSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerifyUploadSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <>
      <h1>{t('upload.title')}</h1>
      <p>{t('upload.intro')}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.file.id} label={t('upload.file')} hint={t('upload.fileHint', { max: MAX_VERIFY_LABEL })} errors={fields.file.errors}>
          <input
            {...getInputProps(fields.file, { type: 'file' })}
            accept="application/pdf,.pdf"
            {...describedBy(fields.file.id, { hint: true, errors: fields.file.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('upload.check')}
        </button>
      </Form>
      {result?.verification ? <VerificationResult v={result.verification} focus /> : null}
      <TrustHelp />
      <p>
        <Trans t={t} i18nKey="upload.registers" components={{ public: <Link to="/public" /> }} />
      </p>
    </>
  )
}
