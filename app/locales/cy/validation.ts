import { type Catalogue } from '../catalogue'
import type en from '../en/validation'

// The 'validation' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  signIn: {
    emailRequired: 'Rhowch eich cyfeiriad e-bost',
    emailTooLong: 'Mae’r cyfeiriad e-bost hwnnw’n rhy hir',
    emailInvalid: 'Rhowch gyfeiriad e-bost fel enw@enghraifft.org',
    passwordRequired: 'Rhowch eich cyfrinair',
    passwordTooLong: 'Mae’r cyfrinair hwnnw’n rhy hir',
  },
  settings: {
    languages: 'Dewiswch ym mha ieithoedd y mae eich gwasanaeth yn gweithio',
  },
  intake: {
    unreadableUpload: 'Nid oedd modd darllen y ffeil a lanlwythwyd. Rhowch gynnig arall arni.',
    unexpectedForm: 'Nid oedd y cais ar y ffurf ddisgwyliedig.',
  },
  overview: {
    reasonRequired: 'Rhowch reswm',
  },
} satisfies Catalogue<typeof en>
