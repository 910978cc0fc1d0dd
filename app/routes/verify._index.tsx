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
import { describedBy, Field, FormErrors } from '~/components/forms'
import { TrustHelp, VerificationResult } from '~/components/verification-result'
import { MAX_VERIFY_BYTES, MAX_VERIFY_LABEL, VerifyUploadSchema } from '~/signing/verify-upload-schema'
import { verifyRecordFile } from '~/signing/verify-record.server'
import { appContext } from '~/utils/app-context.server'
import { pageTitle } from '~/utils/meta'
import { isForged } from '~/utils/multipart.server'

export const meta: MetaFunction = () => pageTitle('Verify a decision record')

const TOO_LARGE = `Choose a file of at most ${MAX_VERIFY_LABEL}`

// Public: anyone holding a record may check it, signed in or not.
export async function action({ request }: ActionFunctionArgs) {
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > MAX_VERIFY_BYTES + 64 * 1024) {
    return data({ lastResult: { status: 'error' as const, error: { file: [TOO_LARGE] } }, verification: null }, { status: 413 })
  }
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_VERIFY_BYTES }),
    )
  } catch (error) {
    const tooLarge = error instanceof MaxPartSizeExceededError
    return data(
      {
        lastResult: { status: 'error' as const, error: { file: [tooLarge ? TOO_LARGE : 'Send the file with the form on this page'] } },
        verification: null,
      },
      { status: tooLarge ? 413 : 400 },
    )
  }
  if (isForged(formData)) {
    return data(
      { lastResult: { status: 'error' as const, error: { file: ['Send the file with the form on this page'] } }, verification: null },
      { status: 400 },
    )
  }
  const submission = parseWithZod(formData, { schema: VerifyUploadSchema })
  if (submission.status !== 'success') {
    return data({ lastResult: submission.reply(), verification: null }, { status: 400 })
  }
  const bytes = Buffer.from(await submission.value.file.arrayBuffer())
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return data(
      { lastResult: submission.reply({ fieldErrors: { file: ['That file is not a PDF'] } }), verification: null },
      { status: 400 },
    )
  }
  const { database, config } = await appContext()
  const verification = await verifyRecordFile(database.db, config, bytes)
  return { lastResult: submission.reply({ resetForm: true }), verification }
}

export default function VerifyRecord() {
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'verify-record',
    lastResult: result?.lastResult,
    constraint: getZodConstraint(VerifyUploadSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerifyUploadSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <>
      <h1>Verify a decision record</h1>
      <p>
        Every decision record is a PDF signed by the library service. Choose a copy to check that it is unchanged since
        it was signed, that this service issued it, and that the history behind it still holds. The file is checked and
        not kept.
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <Field id={fields.file.id} label="Decision record (PDF)" hint={`At most ${MAX_VERIFY_LABEL}.`} errors={fields.file.errors}>
          <input
            {...getInputProps(fields.file, { type: 'file' })}
            accept="application/pdf,.pdf"
            {...describedBy(fields.file.id, { hint: true, errors: fields.file.errors })}
          />
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Check the record
        </button>
      </Form>
      {result?.verification ? <VerificationResult v={result.verification} focus /> : null}
      <TrustHelp />
      <p>
        Library services that publish their decisions list every signed record in their{' '}
        <Link to="/public">public register</Link>, with its verify link.
      </p>
    </>
  )
}
