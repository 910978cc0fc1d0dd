import { type DATA_CATEGORIES } from './intake-schema'

/** Each kind of personal data's label in the catalogue ('proposal' form.dataCategory.*); the value sent and stored stays the English wording. */
export const DATA_CATEGORY_KEYS = {
  'Names and contact details': 'names',
  'Library account and borrowing records': 'account',
  'Identity documents': 'identity',
  'Biometric data (fingerprints, facial images)': 'biometric',
  'Nationality or immigration status': 'immigration',
  'Health or disability': 'health',
  'Images or video of people (CCTV, bodycams)': 'images',
  'Visits, location or device data': 'location',
  'Searches, reading or browsing history': 'reading',
  'Payment details': 'payment',
} as const satisfies Record<(typeof DATA_CATEGORIES)[number], string>
