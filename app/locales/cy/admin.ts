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
} satisfies Catalogue<typeof en>
