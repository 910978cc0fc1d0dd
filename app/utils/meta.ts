/** Page titles read "What this page is – Probity", most specific first. */
export function pageTitle(...parts: (string | undefined | null)[]) {
  return [{ title: [...parts.filter(Boolean), 'Probity'].join(' – ') }]
}
