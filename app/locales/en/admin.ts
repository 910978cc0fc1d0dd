// The 'admin' namespace in English: the administrator's pages.
export default {
  settings: {
    languages: {
      legend: 'Languages',
      hint: 'The languages your service works in. With both, everyone chooses their own with the switch at the top of every page.',
      en: 'English only',
      cy: 'Welsh only',
      both: 'Welsh and English',
    },
  },
} as const
