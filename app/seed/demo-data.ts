import { type Role } from '#machines/vocabulary/roles'

/**
 * The demo library service. Sign-in details are not secrets: they are printed
 * at first start and listed in the README so that a newcomer can look around.
 */
export const DEMO_ORGANISATION = { name: 'Fairhaven Library Service', slug: 'fairhaven' }
export const DEMO_PASSWORD = 'probity-demo-2026'

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@fairhaven.example', name: 'Alex Okafor', roles: ['admin'] },
  { email: 'chief@fairhaven.example', name: 'Rhiannon Evans', roles: ['chief_librarian', 'signatory'] },
  { email: 'reviewer@fairhaven.example', name: 'Sam Patel', roles: ['reviewer'] },
  { email: 'reviewer2@fairhaven.example', name: 'Zoë Müller', roles: ['reviewer'] },
  { email: 'reviewer3@fairhaven.example', name: 'Tomasz Nowak', roles: ['reviewer'] },
  { email: 'staff@fairhaven.example', name: 'Jordan Lee', roles: ['staff'] },
  { email: 'staff2@fairhaven.example', name: 'Bethan Hughes', roles: ['staff'] },
  { email: 'staff3@fairhaven.example', name: 'Kwame Mensah', roles: ['staff'] },
  { email: 'governance@fairhaven.example', name: 'Dafydd Jones', roles: ['signatory'] },
]

/** The seed gives it the next reference, as the intake form would; tests that create it give their own. */
export const VISA_SERVICES_CASE = {
  reference: 'P-2026-001',
  title: 'Biometric visa-application support in branch libraries',
  partner: 'UK Visas and Immigration (Home Office)',
  contractor: 'Sopra Steria',
  description:
    'A national contract, negotiated by the Society of Chief Librarians, to host biometric ' +
    'enrolment appointments for visa and immigration applicants in 56 libraries. Appointments ' +
    'are booked and run by the contractor; the library provides space and front-of-house ' +
    'support. Income is paid per appointment.',
}
