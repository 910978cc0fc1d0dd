import { type Catalogue } from '../catalogue'
import type en from '../en/admin'

// The 'admin' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  settings: {
    languages: {
      legend: 'Ieithoedd',
      hint: 'Yr ieithoedd y mae eich gwasanaeth yn gweithio ynddynt. Gyda’r ddwy, mae pawb yn dewis eu hiaith eu hunain gyda’r switsh ar frig pob tudalen.',
      en: 'Saesneg yn unig',
      cy: 'Cymraeg yn unig',
      both: 'Cymraeg a Saesneg',
    },
  },
  outbox: {
    title: 'Blwch e-byst allan',
    intro: 'Nid oes gweinydd e-bost wedi’i ffurfweddu (SMTP_URL), felly mae Probity yn cadw yma’r e-byst y byddai wedi’u hanfon, yn lle eu hanfon. Caiff hysbysiadau yn yr ap eu cyflwyno fel arfer.',
    empty: 'Nid oes unrhyw e-bost wedi’i giwio.',
    meta: 'At {{to}} · {{at}} UTC · {{status}}',
    status: { captured: 'wedi’i gadw, heb ei anfon', pending: 'yn aros', sent: 'wedi’i anfon', failed: 'wedi methu' },
  },
} satisfies Catalogue<typeof en>
