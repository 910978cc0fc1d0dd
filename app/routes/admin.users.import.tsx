import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, type MetaFunction } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { importPeople, previewImport, type ImportRow } from '~/identity/import-people.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/identity/people-csv-limits'
import { readPeopleCsv } from '~/identity/people-csv.server'
import { appContext } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { readForm, uploadsOf } from '~/utils/multipart.server'
import { roleLabels } from '#machines/vocabulary/roles'

export const meta: MetaFunction = () => pageTitle('Import people', 'People')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

type Answer =
  | { step: 'refused'; message: string }
  | { step: 'preview'; csv: string; rows: ImportRow[]; counts: Record<ImportRow['status'], number> }
  | { step: 'done'; invited: number; members: number }

const answer = (value: Answer, status = 200) => data(value, { status })

/**
 * Upload: the file is read and every row checked, nothing saved. Confirm: the
 * same text comes back from the preview's form, is checked again, and only a
 * preview without problems invites anyone.
 */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const read = await readForm(request, {
    maxFiles: 1,
    maxFileBytes: MAX_IMPORT_BYTES,
    tooLarge: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} people at a time.`,
  })
  if (!read.ok) return answer({ step: 'refused', message: read.message }, read.status)
  const confirming = read.form.get('intent') === 'confirm'
  let bytes: Uint8Array
  if (confirming) {
    const csv = read.form.get('csv')
    if (typeof csv !== 'string') return answer({ step: 'refused', message: 'Upload the file again.' }, 400)
    bytes = new TextEncoder().encode(csv)
  } else {
    const [file] = await uploadsOf(read.form, 'file')
    if (!file) return answer({ step: 'refused', message: 'Choose a CSV file to upload.' }, 400)
    bytes = file.bytes
  }
  const reading = readPeopleCsv(bytes)
  if (!reading.ok) return answer({ step: 'refused', message: reading.message }, 400)
  const { config, database } = await appContext()
  const rows = await previewImport(database.db, admin.organisationId, reading.rows)
  const counts = { new: 0, member: 0, problem: 0 }
  for (const r of rows) counts[r.status]++
  if (!confirming || counts.problem > 0) {
    const csv = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')
    return answer({ step: 'preview', csv, rows, counts }, counts.problem > 0 ? 400 : 200)
  }
  const { invited } = await importPeople(database.db, admin.organisation, rows, invitationSettings(config))
  return answer({ step: 'done', invited, members: counts.member })
}

const STATUS_TEXT: Record<ImportRow['status'], string> = {
  new: 'Will be invited',
  member: 'Already a member: left as they are',
  problem: 'Problem',
}

function Preview({ preview }: { preview: Extract<Answer, { step: 'preview' }> }) {
  const navigation = useNavigation()
  const { counts, rows } = preview
  const problems = rows.filter((r) => r.status === 'problem')
  return (
    <section aria-labelledby="preview-heading" className="panel">
      <h2 id="preview-heading">Preview: nothing has been saved</h2>
      <p>
        {counts.new} to invite · {counts.member} already members · {counts.problem} with a problem
      </p>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert">
          <p className="field-error">
            {problems.length === 1 ? 'One row has a problem' : `${problems.length} rows have problems`}: fix{' '}
            {problems.length === 1 ? 'it' : 'them'} in the file and upload it again. Nobody is invited until every
            row is right.
          </p>
          <ul>
            {problems.slice(0, 20).map((r) => (
              <li key={r.row}>
                Row {r.row}: {r.problems.join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ) : counts.new > 0 ? (
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="csv" value={preview.csv} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Invite {counts.new} {counts.new === 1 ? 'person' : 'people'}
          </button>
        </Form>
      ) : (
        <p>Everyone in this file is already a member: there is nobody to invite.</p>
      )}
      <div className="table-scroll" role="region" aria-label="Rows of the file" tabIndex={0}>
        <table>
          <caption>Rows of the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Name</th>
              <th scope="col">E-mail address</th>
              <th scope="col">Roles</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.problems.length ? r.rolesText : roleLabels(r.roles)}</td>
                <td>
                  {r.status === 'problem' ? (
                    <span className="field-error">{r.problems.join(' ')}</span>
                  ) : (
                    STATUS_TEXT[r.status]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export default function ImportPeople() {
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <>
      <p>
        <Link to="/admin/users">Back to people</Link>
      </p>
      <h1>Import people from a CSV file</h1>
      <p>
        Export a sheet from your spreadsheet as <strong>CSV UTF-8</strong> with a header row naming three
        columns: <strong>Name</strong> (or Full name), <strong>Email</strong> (or E-mail address) and{' '}
        <strong>Roles</strong>, several separated by “;”: Administrator, Chief librarian, Ethics reviewer,
        Staff, Signatory. At most {MAX_IMPORT_ROWS.toLocaleString('en-GB')} people a file. You see every row
        before anyone is invited; each new person is e-mailed a link to choose their password. People
        already in your library service are left as they are, so the same file twice invites nobody twice.
      </p>
      <div role="status">
        {result?.step === 'done' ? (
          <p className="notice success">
            {result.invited === 0
              ? 'Nobody new to invite.'
              : `${result.invited} ${result.invited === 1 ? 'person' : 'people'} invited.`}{' '}
            {result.members > 0 ? `${result.members} already members, left as they were.` : ''}
          </p>
        ) : null}
      </div>
      <Form method="post" encType="multipart/form-data" className="stack">
        {result?.step === 'refused' ? <FormErrors errors={[result.message]} /> : null}
        <div className="field">
          <label htmlFor="people-file">CSV file</label>
          <input
            id="people-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={result?.step === 'refused' ? true : undefined}
          />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Check the file
        </button>
      </Form>
      {result?.step === 'preview' ? <Preview preview={result} /> : null}
    </>
  )
}
