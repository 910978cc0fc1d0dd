import { type Catalogue } from '../catalogue'
import type en from '../en/public'

// The 'public' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
export default {} satisfies Catalogue<typeof en>
