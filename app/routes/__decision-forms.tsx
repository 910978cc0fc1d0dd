import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, type useLoaderData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '~/components/form-controls'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import {
  decisionSchema,
  LIMITS,
  OUTCOME_CHOICES,
  SignSchema,
  SignWithSsoSchema,
  type BlockingIssue,
  type DecisionValues,
} from '~/workflow/decision/decision-schema'
import { type ConditionSource } from '#machines/vocabulary/decision'
import { INDICATOR_DIRECTIONS, INDICATOR_MEASURES } from '#machines/vocabulary/monitoring'
import { useVocabulary, type VocabularyKind, type VocabularyLabel, type VocabularyValue } from '~/utils/vocabulary'

import { type loader, type Reply, type action } from './proposals.$id.decision._index'

function useLastResult(intent: Reply['intent']) {
  const reply = useActionData<typeof action>()
  return reply?.intent === intent ? reply.result : undefined
}

type View = ReturnType<typeof useLoaderData<typeof loader>>['view']

export function SignPanel({ version, withSso, problem }: { version: number; withSso: boolean; problem: string | null }) {
  const navigation = useNavigation()
  const { t } = useTranslation('decision')
  // Someone who signed in with single sign-on signs in again at the provider instead of typing a password.
  const schema = withSso ? SignWithSsoSchema : SignSchema
  const lastResult = useLastResult('sign')
  const [form, fields] = useForm<{ intent: 'sign'; version: number; password?: string }>({
    id: 'sign',
    lastResult,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    // As typed, not on leaving the field: an error vanishing on blur moves the button from under the pointer.
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="sign-heading" className="panel">
      <h3 id="sign-heading">{t('sign.heading')}</h3>
      <p>{t('sign.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors ?? (problem && !lastResult ? [problem] : undefined)} />
        <input type="hidden" name="intent" value="sign" />
        <input type="hidden" name="version" value={version} />
        {withSso ? (
          <p>{t('sign.sso')}</p>
        ) : (
          <Field
            id={fields.password.id}
            label={t('sign.password')}
            hint={t('sign.passwordHint')}
            errors={fields.password.errors}
          >
            <input
              {...getInputProps(fields.password, { type: 'password' })}
              autoComplete="current-password"
              {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
            />
          </Field>
        )}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('sign.submit')}
        </button>
      </Form>
    </section>
  )
}

export function DecisionForm({ view }: { view: View }) {
  const navigation = useNavigation()
  const { t } = useTranslation('decision')
  const label = useVocabulary()
  const issues: BlockingIssue[] = view.blockingIssues
  const schema = useMemo(() => decisionSchema(issues), [issues])
  const [form, fields] = useForm<DecisionValues>({
    id: 'decision',
    lastResult: useLastResult('record'),
    defaultValue: view.form,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
  const conditions = fields.conditions.getFieldList()
  const overrides = fields.overrides.getFieldList()
  const dissent = fields.dissent.getFieldList()
  const plan = fields.monitoring.getFieldset()
  const indicators = plan.indicators.getFieldList()
  return (
    <section aria-labelledby="decision-form-heading">
      <h2 id="decision-form-heading">
        {view.current ? t('form.changeHeading') : t('form.recordHeading')}
      </h2>
      <p>
        {view.current ? t('form.changeIntro') : t('form.recordIntro')}
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="version" value={view.version} />
        <ChoiceGroup
          field={fields.outcome}
          legend={t('form.outcome')}
          type="radio"
          options={Object.keys(OUTCOME_CHOICES).map((value) => ({
            value,
            label: t(`outcome.${value as keyof typeof OUTCOME_CHOICES}`),
          }))}
        />
        <TextAreaField
          field={fields.rationale}
          label={t('form.rationale')}
          hint={t('form.rationaleHint')}
          rows={6}
        />

        <fieldset className="field">
          <legend>{t('form.conditions')}</legend>
          <p className="hint">{t('form.conditionsHint')}</p>
          <ErrorList id={`${fields.conditions.id}-error`} errors={fields.conditions.errors} />
          {conditions.map((item, index) => {
            const c = item.getFieldset()
            return (
              <div key={item.key} className="list-item">
                <input {...getInputProps(c.source, { type: 'hidden' })} />
                <Field
                  id={c.text.id}
                  label={t('form.condition', { number: index + 1 })}
                  hint={label('conditionSource', (c.source.value ?? 'decision') as ConditionSource)}
                  errors={c.text.errors}
                >
                  <textarea
                    {...getTextareaProps(c.text)}
                    rows={2}
                    maxLength={LIMITS.condition}
                    {...describedBy(c.text.id, { hint: true, errors: c.text.errors })}
                  />
                </Field>
                <button
                  {...form.remove.getButtonProps({ name: fields.conditions.name, index })}
                  className="secondary"
                >
                  {t('form.removeCondition', { number: index + 1 })}
                </button>
              </div>
            )
          })}
          <button
            {...form.insert.getButtonProps({
              name: fields.conditions.name,
              defaultValue: { text: '', source: 'decision' },
            })}
            className="secondary"
          >
            {t('form.addCondition')}
          </button>
        </fieldset>

        {issues.length ? (
          <fieldset className="field">
            <legend>{t('form.blocking')}</legend>
            <p className="hint">{t('form.blockingHint')}</p>
            {overrides.map((item, index) => {
              const o = item.getFieldset()
              const issue = issues[index]
              if (!issue) return null
              return (
                <div key={item.key} className="list-item">
                  <input {...getInputProps(o.key, { type: 'hidden' })} />
                  <Field
                    id={o.rationale.id}
                    label={t('form.overrideFor', { issue: issue.issue })}
                    errors={o.rationale.errors}
                  >
                    <textarea
                      {...getTextareaProps(o.rationale)}
                      rows={3}
                      maxLength={LIMITS.override}
                      {...describedBy(o.rationale.id, { errors: o.rationale.errors })}
                    />
                  </Field>
                </div>
              )
            })}
          </fieldset>
        ) : null}

        <fieldset className="field">
          <legend>{t('form.dissent')}</legend>
          <p className="hint">{t('form.dissentHint')}</p>
          <ErrorList id={`${fields.dissent.id}-error`} errors={fields.dissent.errors} />
          {dissent.map((item, index) => (
            <div key={item.key} className="list-item">
              <Field id={item.id} label={t('form.view', { number: index + 1 })} errors={item.errors}>
                <textarea
                  {...getTextareaProps(item)}
                  rows={3}
                  maxLength={LIMITS.dissent}
                  {...describedBy(item.id, { errors: item.errors })}
                />
              </Field>
              <button
                {...form.remove.getButtonProps({ name: fields.dissent.name, index })}
                className="secondary"
              >
                {t('form.removeView', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            {...form.insert.getButtonProps({ name: fields.dissent.name, defaultValue: '' })}
            className="secondary"
          >
            {t('form.addView')}
          </button>
        </fieldset>

        <fieldset className="field">
          <legend>{t('form.monitoring')}</legend>
          <p className="hint">{t('form.monitoringHint')}</p>
          <NumberField field={plan.intervalMonths} label={t('form.interval')} />
          <Field
            id={plan.startsOn.id}
            label={t('form.startsOn')}
            errors={plan.startsOn.errors}
          >
            <input
              {...getInputProps(plan.startsOn, { type: 'date' })}
              {...describedBy(plan.startsOn.id, { errors: plan.startsOn.errors })}
            />
          </Field>
          <ErrorList id={`${plan.indicators.id}-error`} errors={plan.indicators.errors} />
          {indicators.map((item, index) => {
            const i = item.getFieldset()
            return (
              <fieldset key={item.key} className="criterion">
                <legend>{t('form.indicator', { number: index + 1 })}</legend>
                <TextField field={i.name} label={t('form.name')} />
                <TextField field={i.unit} label={t('form.unit')} hint={t('form.unitHint')} />
                <NumberField field={i.baseline} label={t('form.baseline')} step="any" />
                <SelectField
                  field={i.direction}
                  label={t('form.direction')}
                  options={choices(label, 'indicatorDirection', INDICATOR_DIRECTIONS)}
                />
                <SelectField
                  field={i.thresholdKind}
                  label={t('form.thresholdKind')}
                  options={choices(label, 'thresholdKind', ['percent', 'absolute'])}
                />
                <NumberField
                  field={i.thresholdValue}
                  label={t('form.threshold')}
                  step="any"
                  hint={t('form.thresholdHint')}
                />
                <SelectField
                  field={i.measure}
                  label={t('form.measure')}
                  options={choices(label, 'indicatorMeasure', INDICATOR_MEASURES)}
                />
                <button
                  {...form.remove.getButtonProps({ name: plan.indicators.name, index })}
                  className="secondary"
                >
                  {t('form.removeIndicator', { number: index + 1 })}
                </button>
              </fieldset>
            )
          })}
          <button
            {...form.insert.getButtonProps({
              name: plan.indicators.name,
              defaultValue: { measure: 'manual' },
            })}
            className="secondary"
          >
            {t('form.addIndicator')}
          </button>
        </fieldset>

        <button type="submit" disabled={navigation.state === 'submitting'}>
          {view.current ? t('form.submitChanged') : t('form.submit')}
        </button>
      </Form>
    </section>
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one control serves fields of many shapes
type AnyField = FieldMetadata<any, any, any>

function NumberField({
  field,
  label,
  hint,
  step,
}: {
  field: AnyField
  label: string
  hint?: string
  step?: string
}) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      <input
        {...getInputProps(field, { type: 'number' })}
        step={step}
        className="narrow"
        {...describedBy(field.id, { hint: !!hint, errors: field.errors })}
      />
    </Field>
  )
}

/** A select's options: each value of a vocabulary list, named in the reader's language. */
const choices = <K extends VocabularyKind>(label: VocabularyLabel, kind: K, values: readonly VocabularyValue<K>[]) =>
  values.map((value) => ({ value, label: label(kind, value) }))
