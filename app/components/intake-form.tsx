import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { DELIVERED_BY, VULNERABLE_GROUPS } from '#db/schema'
import {
  DATA_CATEGORIES,
  DELIVERED_BY_LABELS,
  intakeFormSchema,
  VULNERABLE_GROUP_LABELS,
  type IntakeFormInput,
  type IntakeFormValue,
} from '~/workflow/intake/intake-schema'
import { ChoiceGroup, TextAreaField, TextField } from './form-controls'
import { FormErrors } from './forms'

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

/**
 * The proposal form. "Save draft" keeps whatever is there; "Submit for ethics
 * screening" (shown once the proposal exists) checks everything screening
 * needs, in the browser and again in the action, with the same schema.
 */
export function IntakeForm({
  lastResult,
  defaultValue,
  reviewers,
  minReviewers,
  version,
  canSubmit,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: Partial<IntakeFormInput>
  reviewers: { id: string; name: string }[]
  minReviewers: number
  version?: number
  canSubmit: boolean
}) {
  const schema = intakeFormSchema(minReviewers)
  const navigation = useNavigation()
  const [form, fields] = useForm<IntakeFormInput, IntakeFormValue>({
    id: 'intake',
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      {version ? <input type="hidden" name="version" value={version} /> : null}

      <h2>The partnership</h2>
      <TextField field={fields.title} label="Title" hint="A short name for the proposal, as the public would read it." />
      <TextField field={fields.partner} label="Partner organisation" />
      <TextField field={fields.contractor} label="Contractor delivering for the partner (if any)" />
      <TextAreaField field={fields.description} label="Summary" hint="What is proposed, in a few sentences." rows={4} />

      <h2>The service</h2>
      <TextAreaField field={fields.service} label="The service offered" hint="What users would be offered, and how." />
      <ChoiceGroup
        field={fields.deliveredBy}
        legend="Who delivers it"
        type="radio"
        options={DELIVERED_BY.map((v) => ({ value: v, label: DELIVERED_BY_LABELS[v] }))}
      />
      <TextAreaField field={fields.deliveryNotes} label="Delivery details" hint="For example, who staffs it and where on site." rows={3} />
      <TextAreaField field={fields.sites} label="Sites affected" hint="One branch or building per line." rows={4} />

      <h2>Term and money</h2>
      <div className="grid-2">
        <TextField field={fields.startDate} label="Start date" type="date" />
        <TextField field={fields.endDate} label="End date (if fixed)" type="date" />
      </div>
      <TextField field={fields.renewalTerms} label="Renewal terms" />
      <TextField field={fields.income} label="Income to the service" hint="For example “£18,500 a year”, or “None”." />
      <TextAreaField field={fields.costs} label="Costs to the service" hint="Money, space, staff time; or “None”." rows={3} />
      <TextAreaField field={fields.purpose} label="Why the service wants this partnership" rows={4} />

      <h2>Users’ personal data</h2>
      <ChoiceGroup field={fields.personalData} legend="Is any personal data of users involved?" type="radio" options={YES_NO} inline />
      <ChoiceGroup
        field={fields.dataCategories}
        legend="Kinds of personal data"
        hint="Choose every kind involved, if any."
        type="checkbox"
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: c }))}
      />
      <TextAreaField field={fields.otherDataCategories} label="Other kinds of personal data" hint="One per line." rows={2} />
      <ChoiceGroup field={fields.sharedWithPartner} legend="Is it shared with the partner or its contractor?" type="radio" options={YES_NO} inline />
      <ChoiceGroup field={fields.sharedWithGovernment} legend="Is it shared with any government body?" type="radio" options={YES_NO} inline />
      <TextAreaField field={fields.sharingDetails} label="Details of any sharing" rows={3} />
      <TextField field={fields.retention} label="How long it is kept" />
      <TextField field={fields.processedWhere} label="Where it is processed" />

      <h2>Who is affected</h2>
      <TextAreaField field={fields.userGroups} label="User groups affected" hint="One group per line." rows={3} />
      <ChoiceGroup
        field={fields.vulnerableGroups}
        legend="Vulnerable groups affected"
        hint="Partnerships touching these groups deserve a higher bar."
        type="checkbox"
        options={VULNERABLE_GROUPS.map((g) => ({ value: g, label: VULNERABLE_GROUP_LABELS[g] }))}
      />
      <TextField field={fields.vulnerableOther} label="Other vulnerable people" />

      <h2>Prior engagement</h2>
      <ChoiceGroup
        field={fields.priorEngagement}
        legend="Was the professional body engaged before this proposal?"
        type="radio"
        options={YES_NO}
        inline
      />
      <TextAreaField field={fields.priorEngagementDetails} label="Details of any engagement" rows={3} />

      <h2>Ethics reviewers</h2>
      {reviewers.length === 0 ? (
        <p>No one in your service holds the reviewer role yet. Ask your administrator to give it to at least {minReviewers} people.</p>
      ) : (
        <ChoiceGroup
          field={fields.reviewerIds}
          legend="Who will screen this proposal"
          hint={`Choose at least ${minReviewers}. Each declares any conflict of interest before reading the papers.`}
          type="checkbox"
          options={reviewers.map((r) => ({ value: r.id, label: r.name }))}
        />
      )}

      <div className="actions">
        <button type="submit" name="intent" value="save" className="secondary" disabled={navigation.state === 'submitting'}>
          Save draft
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" disabled={navigation.state === 'submitting'}>
            Submit for ethics screening
          </button>
        ) : null}
      </div>
    </Form>
  )
}
