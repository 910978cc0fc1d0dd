import { type Catalogue } from '../catalogue'
import type en from '../en/consultation'

// The 'consultation' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
export default {} satisfies Catalogue<typeof en>
