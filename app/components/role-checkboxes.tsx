import { getCollectionProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { type Role, ROLE_CHOICES } from '#machines/vocabulary/roles'
import { useVocabulary } from '~/utils/vocabulary'
import { ErrorList } from './forms'

/** The roles of a person as a group of checkboxes, its errors tied to the group. */
export function RoleCheckboxes<Form extends Record<string, unknown>>({
  field,
}: {
  field: FieldMetadata<string[], Form>
}) {
  const { t } = useTranslation('proposal')
  const label = useVocabulary()
  const hintId = `${field.id}-hint`
  const errorId = `${field.id}-error`
  return (
    <fieldset
      className="field"
      aria-describedby={field.errors?.length ? `${hintId} ${errorId}` : hintId}
    >
      <legend>{t('roles.legend')}</legend>
      <span className="hint" id={hintId}>
        {t('roles.hint')}
      </span>
      <ErrorList id={errorId} errors={field.errors} />
      {getCollectionProps(field, { type: 'checkbox', options: ROLE_CHOICES }).map(
        ({ key, ...props }) => (
          <div key={key} className="choice">
            <input {...props} aria-invalid={undefined} aria-describedby={undefined} />
            <label htmlFor={props.id}>{label('role', props.value as Role)}</label>
          </div>
        ),
      )}
    </fieldset>
  )
}
