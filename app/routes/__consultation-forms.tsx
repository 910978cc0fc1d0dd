import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { CONCERN_CATEGORIES } from '#machines/vocabulary/consultation'
import { LIMITS, RaiseConcernSchema } from '~/workflow/consultation/forms'
import { Trans, useTranslation } from 'react-i18next'
import { useCategoryLabel, usePageLocale } from '~/components/consultation'
import { formatNumber } from '~/utils/format'

import { AnonymityNotice, type AnonymityInfo } from '~/components/anonymity-notice'
import { type action } from './proposals.$id.consultation._index'

export function RaiseConcernForm({ anonymity }: { anonymity: AnonymityInfo }) {
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const categoryLabel = useCategoryLabel()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'raise-concern',
    lastResult: actionData?.intent === 'concern.raise' ? actionData.result : undefined,
    constraint: getZodConstraint(RaiseConcernSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RaiseConcernSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack panel">
      <h4>{t('raise.heading')}</h4>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="concern.raise" />
      <AnonymityNotice info={anonymity} audience="staff" />
      <Field
        id={fields.category.id}
        label={t('raise.category')}
        errors={fields.category.errors}
      >
        <select
          {...getSelectProps(fields.category)}
          {...describedBy(fields.category.id, { errors: fields.category.errors })}
        >
          <option value="">{t('raise.chooseCategory')}</option>
          {CONCERN_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={fields.text.id}
        label={t('raise.text')}
        hint={t('raise.textHint', { max: formatNumber(locale, LIMITS.concern) })}
        errors={fields.text.errors}
      >
        <textarea
          {...getTextareaProps(fields.text)}
          maxLength={LIMITS.concern}
          rows={6}
          {...describedBy(fields.text.id, { hint: true, errors: fields.text.errors })}
        />
      </Field>
      <fieldset
        className="field"
        aria-describedby={
          fields.identity.errors?.length ? `${fields.identity.id}-error` : undefined
        }
      >
        <legend>{t('raise.identity')}</legend>
        <ErrorList id={`${fields.identity.id}-error`} errors={fields.identity.errors} />
        <div className="choice">
          <input
            {...getInputProps(fields.identity, { type: 'radio', value: 'named' })}
            id="identity-named"
          />
          <label htmlFor="identity-named">{t('raise.named')}</label>
        </div>
        <div className="choice">
          <input
            {...getInputProps(fields.identity, { type: 'radio', value: 'anonymous' })}
            id="identity-anonymous"
          />
          <label htmlFor="identity-anonymous">{t('raise.anonymous')}</label>
        </div>
      </fieldset>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {t('raise.submit')}
      </button>
    </Form>
  )
}

export function Receipt({ code }: { code: string }) {
  const { t } = useTranslation('consultation')
  return (
    <div role="status" className="notice success">
      <h4>{t('receiptNotice.heading')}</h4>
      <p>{t('receiptNotice.held')}</p>
      <p>
        {/* The code is Probity's own (letters and dashes), never typed text, so it may sit inside <Trans>. */}
        <Trans
          t={t}
          i18nKey="receiptNotice.code"
          values={{ code }}
          components={{ strong: <strong className="receipt-code" /> }}
        />
      </p>
      <p>
        <Trans t={t} i18nKey="receiptNotice.keep" components={{ lookup: <Link to="/concerns/receipt" /> }} />
      </p>
    </div>
  )
}
