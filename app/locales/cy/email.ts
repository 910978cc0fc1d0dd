import { type Catalogue } from '../catalogue'
import type en from '../en/email'

// The 'email' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
export default {} satisfies Catalogue<typeof en>
