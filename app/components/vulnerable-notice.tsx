import { VULNERABLE_GROUP_NAMES, type VulnerableGroup } from '#machines/vocabulary/vulnerable-groups'

export type AffectedGroups = { groups: VulnerableGroup[]; other: string }

/** "children and young people and people experiencing homelessness", with the proposal's own words for "other". */
export function affectedPeople({ groups, other }: AffectedGroups): string {
  const names = groups.map((g) => (g === 'other' && other.trim() ? other.trim() : VULNERABLE_GROUP_NAMES[g]))
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * The notice at the head of a proposal that affects vulnerable people: a
 * labelled region with words of its own, so that it is found by a screen
 * reader's list of regions and does not rely on its border's colour.
 */
export function VulnerableNotice({ affected, id, children }: { affected: AffectedGroups; id: string; children?: React.ReactNode }) {
  if (affected.groups.length === 0) return null
  return (
    <section aria-labelledby={id} className="notice warning">
      <h2 id={id} className="notice-title">
        Affects vulnerable people
      </h2>
      <p>
        This proposal affects {affectedPeople(affected)}. Partnerships touching them deserve a higher bar: outreach that draws
        attention to a group can endanger the people it means to serve.
      </p>
      {children}
    </section>
  )
}
