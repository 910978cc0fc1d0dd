import { type AddendumData, type DecisionRecordData } from './record-data'

/**
 * The machine-readable twin of a record: the very data the PDF is drawn
 * from, as JSON, embedded in the file before signing so the signature covers
 * it. Its shape is published as a JSON Schema (public/schemas/…/v1.json);
 * a change of shape is a new schema version, never an edit of v1.
 */

export const RECORD_SCHEMA_PATH = '/schemas/decision-record/v1.json'

/** Dates become ISO 8601 strings in JSON; everything else stays as it is. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

export type DecisionRecordJson = { $schema: string; kind: 'decision' } & Jsonified<DecisionRecordData>
export type AddendumJson = { $schema: string; kind: 'addendum' } & Jsonified<AddendumData>
export type RecordJson = DecisionRecordJson | AddendumJson

export type RecordContent = { kind: 'decision'; data: DecisionRecordData } | { kind: 'addendum'; data: AddendumData }

/** The attached file's name inside the PDF. */
export const attachmentName = (kind: RecordContent['kind']) => (kind === 'decision' ? 'decision-record.json' : 'addendum.json')

/** The one function that turns a record's data into its JSON. */
export function recordJson(content: RecordContent): RecordJson {
  // The schema lives on the service that issued the record, beside its verify page.
  const $schema = new URL(RECORD_SCHEMA_PATH, content.data.record.verifyUrl).toString()
  // JSON.stringify writes Dates with toISOString, which is what the schema asks for.
  const plain = JSON.parse(JSON.stringify(content.data)) as Jsonified<DecisionRecordData> | Jsonified<AddendumData>
  return { $schema, kind: content.kind, ...plain } as RecordJson
}

export function recordJsonBytes(content: RecordContent): Buffer {
  return Buffer.from(`${JSON.stringify(recordJson(content), null, 2)}\n`, 'utf8')
}

const date = (iso: string) => new Date(iso)

/**
 * Back from JSON to the data the record was drawn from, so the accessible
 * page is rendered by the same section functions as the PDF. The input has
 * already been read from a signed file of ours; shape errors surface as
 * exceptions the caller turns into a clear message.
 */
export function recordContentFromJson(json: RecordJson): RecordContent {
  const { $schema: _schema, kind: _kind, ...rest } = json
  const record = { ...rest.record, issuedAt: date(rest.record.issuedAt) }
  const signatories = rest.signatories.map((s) => ({ ...s, signedAt: date(s.signedAt) }))
  if (json.kind === 'decision') {
    const d = rest as Jsonified<DecisionRecordData>
    return {
      kind: 'decision',
      data: { ...d, record, signatories, decision: { ...d.decision, decidedAt: date(d.decision.decidedAt) } },
    }
  }
  const a = rest as Jsonified<AddendumData>
  return {
    kind: 'addendum',
    data: {
      ...a,
      record,
      signatories,
      parent: { ...a.parent, issuedAt: date(a.parent.issuedAt) },
      decidedAt: date(a.decidedAt),
    },
  }
}
