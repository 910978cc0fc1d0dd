import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ErrorList } from '~/components/forms'
import { i18nFor } from '~/utils/i18n'
import { SignInSchema } from '~/utils/sign-in-schema'
import { vm } from '~/utils/validation-message'

const errorsOf = (input: unknown) => SignInSchema.safeParse(input).error!.issues.map((i) => i.message)

describe('validation messages', () => {
  it('are catalogue keys in the schema, translated by the field-error component in the page’s language', () => {
    const errors = errorsOf({ email: 'not an address', password: '' })
    expect(errors).toEqual(['validation:signIn.emailInvalid', 'validation:signIn.passwordRequired'])
    const welsh = renderToStaticMarkup(
      <I18nextProvider i18n={i18nFor('cy')}>
        <ErrorList id="e" errors={errors} />
      </I18nextProvider>,
    )
    expect(welsh).toContain('Gwall: </span>Rhowch gyfeiriad e-bost fel enw@enghraifft.org')
    expect(welsh).toContain('Rhowch eich cyfrinair')
    // Outside the layout (the global instance), English.
    expect(renderToStaticMarkup(<ErrorList id="e" errors={errors} />)).toContain('Enter an e-mail address like name@example.org')
  })

  it('carry values for the text, and a message not yet converted is shown as it is', () => {
    const schema = z.string().max(3, vm('signIn.emailTooLong', { max: 3 }))
    const message = schema.safeParse('abcd').error!.issues[0]!.message
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18nFor('cy')}>
        <ErrorList id="e" errors={[message, 'Enter 1 or more']} />
      </I18nextProvider>,
    )
    expect(html).toContain('Mae’r cyfeiriad e-bost hwnnw’n rhy hir')
    expect(html).toContain('Enter 1 or more')
  })
})
