import { describe, expect, it } from 'vitest'
import { cy, en } from '~/locales'
import { WELSH_PLURAL_FORMS } from '~/locales/catalogue'
import { fixedT } from '~/utils/i18n'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

/** The Welsh keys an English key asks for: an English plural (`x_other`) asks for every Welsh form. */
function welshKeysFor(englishKeys: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const key of englishKeys) {
    const plural = /^(.*)_(one|other)$/.exec(key)
    if (!plural) out.add(key)
    else for (const form of WELSH_PLURAL_FORMS) out.add(`${plural[1]}_${form}`)
  }
  return out
}

describe('the message catalogues', () => {
  it('has the same namespaces in Welsh and English', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort())
  })

  for (const ns of Object.keys(en) as (keyof typeof en)[]) {
    it(`has every '${ns}' key in Welsh, with the Welsh plural forms, and nothing more`, () => {
      const english = leaves(en[ns] as unknown as Tree)
      const welsh = leaves(cy[ns] as unknown as Tree)
      expect([...welsh.keys()].sort()).toEqual([...welshKeysFor(english.keys())].sort())
    })

    it(`has no empty '${ns}' text in either language`, () => {
      for (const [key, value] of [...leaves(en[ns] as unknown as Tree), ...leaves(cy[ns] as unknown as Tree)]) {
        expect(value.trim(), `${ns}:${key}`).not.toBe('')
      }
    })
  }

  it('asks for exactly the plural forms Intl knows for Welsh and English', () => {
    expect([...new Intl.PluralRules('cy').resolvedOptions().pluralCategories].sort()).toEqual([...WELSH_PLURAL_FORMS].sort())
    expect([...new Intl.PluralRules('en').resolvedOptions().pluralCategories].sort()).toEqual(['one', 'other'])
  })

  it('translates by locale, with Welsh plurals chosen by count', () => {
    expect(fixedT('en', 'auth')('login.title')).toBe('Sign in')
    expect(fixedT('cy', 'auth')('login.title')).toBe('Mewngofnodi')
    const unread = fixedT('cy', 'common')
    expect(unread('count.unread', { count: 1 })).toBe('1 heb ei ddarllen')
    expect(unread('count.unread', { count: 3 })).toBe('3 heb eu darllen')
    expect(fixedT('en', 'common')('count.unread', { count: 2 })).toBe('2 unread')
  })
})
