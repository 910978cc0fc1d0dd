/**
 * Welsh has six plural forms where English has two (Intl.PluralRules('cy')):
 * i18next picks `key_zero` … `key_other` by the count.
 */
export const WELSH_PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
type WelshPlural = (typeof WELSH_PLURAL_FORMS)[number]

/**
 * Another language's catalogue for an English one: the same keys with string
 * leaves, except that an English plural (`x_one`, `x_other`) asks for every
 * Welsh plural form (`x_zero` … `x_other`) instead.
 */
export type Catalogue<T> = {
  [K in keyof T as K extends `${infer Base}_other`
    ? `${Base}_${WelshPlural}`
    : K extends `${string}_one`
      ? never
      : K]: T[K] extends string ? string : Catalogue<T[K]>
}
