import 'i18next'
import { type en } from './index'

// A t() call naming a key the English catalogue lacks fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof en
  }
}
