import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DELIVERED_BY, VULNERABLE_GROUPS } from '#db/schema'
import { useVocabulary } from '~/utils/vocabulary'
import { DATA_CATEGORIES, intakeFormSchema, type IntakeFormInput, type IntakeFormValue } from '~/workflow/intake/intake-schema'
import { DATA_CATEGORY_KEYS } from '~/workflow/intake/data-category-keys'
import { ChoiceGroup, TextAreaField, TextField } from './form-controls'
import { FormErrors } from './forms'

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
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  const yesNo = [
    { value: 'yes', label: t('form.yes') },
    { value: 'no', label: t('form.no') },
  ]
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
  // Conform subscribes lazily to what a render reads; the controls read their errors only in
  // their own renders, which this translated form did not re-run on a refused submit. Reading
  // every error here subscribes the form to them all.
  void form.allErrors
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      {version ? <input type="hidden" name="version" value={version} /> : null}

      <h2>{t('form.partnership')}</h2>
      <TextField field={fields.title} label={t('form.title')} hint={t('form.titleHint')} />
      <TextField field={fields.titleCy} label={t('form.titleCy')} hint={t('form.titleCyHint')} lang="cy" />
      <TextField field={fields.partner} label={t('form.partner')} />
      <TextField field={fields.contractor} label={t('form.contractor')} />
      <TextAreaField field={fields.description} label={t('form.summary')} hint={t('form.summaryHint')} rows={4} />
      <TextAreaField field={fields.descriptionCy} label={t('form.summaryCy')} hint={t('form.summaryCyHint')} rows={4} lang="cy" />

      <h2>{t('form.service')}</h2>
      <TextAreaField field={fields.service} label={t('form.serviceOffered')} hint={t('form.serviceOfferedHint')} />
      <ChoiceGroup
        field={fields.deliveredBy}
        legend={t('form.deliveredBy')}
        type="radio"
        options={DELIVERED_BY.map((v) => ({ value: v, label: label('deliveredBy', v) }))}
      />
      <TextAreaField field={fields.deliveryNotes} label={t('form.deliveryNotes')} hint={t('form.deliveryNotesHint')} rows={3} />
      <TextAreaField field={fields.sites} label={t('form.sites')} hint={t('form.sitesHint')} rows={4} />

      <h2>{t('form.termAndMoney')}</h2>
      <div className="grid-2">
        <TextField field={fields.startDate} label={t('form.startDate')} type="date" />
        <TextField field={fields.endDate} label={t('form.endDate')} type="date" />
      </div>
      <TextField field={fields.renewalTerms} label={t('form.renewalTerms')} />
      <TextField field={fields.income} label={t('form.income')} hint={t('form.incomeHint')} />
      <TextAreaField field={fields.costs} label={t('form.costs')} hint={t('form.costsHint')} rows={3} />
      <TextAreaField field={fields.purpose} label={t('form.purpose')} rows={4} />

      <h2>{t('form.personalDataHeading')}</h2>
      <ChoiceGroup field={fields.personalData} legend={t('form.personalData')} type="radio" options={yesNo} inline />
      <ChoiceGroup
        field={fields.dataCategories}
        legend={t('form.dataCategories')}
        hint={t('form.dataCategoriesHint')}
        type="checkbox"
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`form.dataCategory.${DATA_CATEGORY_KEYS[c]}`) }))}
      />
      <TextAreaField field={fields.otherDataCategories} label={t('form.otherDataCategories')} hint={t('form.otherDataCategoriesHint')} rows={2} />
      <ChoiceGroup field={fields.sharedWithPartner} legend={t('form.sharedWithPartner')} type="radio" options={yesNo} inline />
      <ChoiceGroup field={fields.sharedWithGovernment} legend={t('form.sharedWithGovernment')} type="radio" options={yesNo} inline />
      <TextAreaField field={fields.sharingDetails} label={t('form.sharingDetails')} rows={3} />
      <TextField field={fields.retention} label={t('form.retention')} />
      <TextField field={fields.processedWhere} label={t('form.processedWhere')} />

      <h2>{t('form.affected')}</h2>
      <TextAreaField field={fields.userGroups} label={t('form.userGroups')} hint={t('form.userGroupsHint')} rows={3} />
      <ChoiceGroup
        field={fields.vulnerableGroups}
        legend={t('form.vulnerableGroups')}
        hint={t('form.vulnerableGroupsHint')}
        type="checkbox"
        options={VULNERABLE_GROUPS.map((g) => ({ value: g, label: label('vulnerableGroup', g) }))}
      />
      <TextField field={fields.vulnerableOther} label={t('form.vulnerableOther')} />

      <h2>{t('form.priorEngagementHeading')}</h2>
      <ChoiceGroup
        field={fields.priorEngagement}
        legend={t('form.priorEngagement')}
        type="radio"
        options={yesNo}
        inline
      />
      <TextAreaField field={fields.priorEngagementDetails} label={t('form.priorEngagementDetails')} rows={3} />

      <h2>{t('form.reviewersHeading')}</h2>
      {reviewers.length === 0 ? (
        <p>{t('form.noReviewers', { count: minReviewers })}</p>
      ) : (
        <ChoiceGroup
          field={fields.reviewerIds}
          legend={t('form.reviewers')}
          hint={t('form.reviewersHint', { min: minReviewers })}
          type="checkbox"
          options={reviewers.map((r) => ({ value: r.id, label: r.name }))}
        />
      )}

      <div className="actions">
        <button type="submit" name="intent" value="save" className="secondary" disabled={navigation.state === 'submitting'}>
          {t('form.saveDraft')}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" disabled={navigation.state === 'submitting'}>
            {t('form.submit')}
          </button>
        ) : null}
      </div>
    </Form>
  )
}
