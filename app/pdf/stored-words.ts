import { ROLE_LABELS, ROLES } from '#machines/vocabulary/roles'
import { DELIVERED_BY, VULNERABLE_GROUPS } from '#db/schema'
import { fixedT, type Locale } from '~/utils/i18n'
import { vocabulary } from '~/utils/vocabulary'
import { DATA_CATEGORY_KEYS } from '~/workflow/intake/data-category-keys'
import { DATA_CATEGORIES, DELIVERED_BY_LABELS, VULNERABLE_GROUP_LABELS } from '~/workflow/intake/intake-schema'

/**
 * A record's data holds a few of Probity's own words as English text (who
 * delivers the service, the kinds of personal data, with whom it is shared,
 * the vulnerable groups, "Yes"/"No", the role someone signed as): signed
 * records keep their data as issued. Each part of a record, and each page
 * showing these facts, names them in its own language: this maps the known
 * English wording to the reader's, and leaves anything else (what people
 * typed) as it is.
 */
export type StoredWords = (english: string) => string

const maps = new Map<Locale, Map<string, string>>()

function mapFor(locale: Locale): Map<string, string> {
  let map = maps.get(locale)
  if (map) return map
  const label = vocabulary(locale)
  const proposal = fixedT(locale, 'proposal')
  const record = fixedT(locale, 'record')
  map = new Map<string, string>([
    ['Yes', record('yes')],
    ['No', record('no')],
    ['Shared with the partner', record('stored.sharedWithPartner')],
    ['Shared with a government body', record('stored.sharedWithGovernment')],
    ['Shared with the partner and a government body', record('stored.sharedWithBoth')],
    ['Not shared with the partner or any government body', record('stored.notShared')],
    ['No personal data of users is involved', record('stored.noPersonalData')],
    ['Other vulnerable people', record('stored.otherVulnerable')],
    ...DELIVERED_BY.map((v) => [DELIVERED_BY_LABELS[v], label('deliveredBy', v)] as [string, string]),
    ...VULNERABLE_GROUPS.map((g) => [VULNERABLE_GROUP_LABELS[g], label('vulnerableGroup', g)] as [string, string]),
    ...DATA_CATEGORIES.map((c) => [c, proposal(`form.dataCategory.${DATA_CATEGORY_KEYS[c]}`)] as [string, string]),
    ...ROLES.map((r) => [ROLE_LABELS[r], label('role', r)] as [string, string]),
  ])
  maps.set(locale, map)
  return map
}

/** The reader's words for a stored value: a known phrase, a known phrase followed by ": " or ". " and details, or the value as it is. */
export function storedWords(locale: Locale): StoredWords {
  if (locale === 'en') return (english) => english
  const map = mapFor(locale)
  return (english) => {
    const whole = map.get(english)
    if (whole !== undefined) return whole
    const split = /^(.*?)([:.] )(.*)$/s.exec(english)
    const head = split ? map.get(split[1]!) : undefined
    return head !== undefined ? `${head}${split![2]}${split![3]}` : english
  }
}

/** "Name, Role" as stored for who decided: the role in the reader's words. */
export function storedNameAndRole(value: string, locale: Locale): string {
  const at = value.lastIndexOf(', ')
  if (at < 0) return value
  return `${value.slice(0, at)}, ${storedWords(locale)(value.slice(at + 2))}`
}
