import { type RubricContent } from '#db/schema'
import { DEFAULT_RISK_BANDS } from '#machines/vocabulary/risk'

/**
 * The rubric every organisation starts with. Services that never edited the
 * first default were moved to this one by migration 0014 (see ADR 022): it
 * makes anonymous use and special care for minors required, as the ALA
 * privacy tool kit does, and words each item's failure as a problem. Criteria are written
 * for Probity and name the principles they serve from the CILIP Ethical
 * Framework, the ALA Code of Ethics and the IFLA Code of Ethics; the privacy
 * checklist follows the ALA privacy tool kit's duties around vendors and
 * partners. An administrator may reword, add or retire any of them.
 */
export const DEFAULT_RUBRIC: RubricContent = {
  bands: DEFAULT_RISK_BANDS,
  disagreementBands: 2,
  criteria: [
    {
      key: 'public_trust',
      name: 'Public trust and perceived neutrality',
      description:
        'Whether people would still see the library as a neutral, welcoming place that takes no side, once the partner is present.',
      questions: [
        'Could the partner’s presence make some people think the library acts for the partner or for the state?',
        'Would the partnership be visible to users, and what would they conclude from it?',
        'Does the partner’s purpose sit comfortably beside the library’s?',
      ],
      principles: ['CILIP: impartiality', 'IFLA: neutrality, personal integrity and professional skills', 'ALA: keeping personal convictions apart from duties'],
    },
    {
      key: 'privacy',
      name: 'Privacy and confidentiality of user data',
      description: 'What happens to information about library users: what is collected, who sees it, and for how long.',
      questions: [
        'What personal data would the partner collect, see or infer, and is all of it necessary?',
        'Could user data reach a government body or be combined with other records?',
        'Are users told plainly when they leave the library’s privacy protection?',
      ],
      principles: ['CILIP: confidentiality of user information and the right to privacy', 'ALA: users’ privacy and confidentiality', 'IFLA: privacy, secrecy and transparency'],
    },
    {
      key: 'equality',
      name: 'Equality, inclusion and deterrence of vulnerable users',
      description:
        'Whether anyone would be treated less well, or stay away, because of the partnership; with a higher bar where minors, migrants or other vulnerable people are concerned.',
      questions: [
        'Which groups might feel unwelcome or unsafe, and would they stop using the library?',
        'Does the partnership draw attention to a group in a way that could put its members at risk?',
        'Is the service offered equally to everyone who needs it?',
      ],
      principles: ['CILIP: human rights, equalities and diversity', 'ALA: equitable service and access', 'ALA: dignity and rights of every person', 'IFLA: responsibilities to individuals and society'],
    },
    {
      key: 'intellectual_freedom',
      name: 'Intellectual freedom and access',
      description: 'Whether the partnership could narrow what people may read, search for or ask about, or how freely they feel they can.',
      questions: [
        'Could the partner influence collections, events, displays or what staff may say?',
        'Could people feel watched while reading, searching or asking for help?',
        'Does any resource the partner supplies allow anonymous use?',
      ],
      principles: ['CILIP: intellectual freedom, freedom from censorship', 'ALA: intellectual freedom', 'IFLA: access to information', 'CILIP: preservation of and continuing access to knowledge'],
    },
    {
      key: 'staff_welfare',
      name: 'Staff welfare and conflicts with professional ethics',
      description: 'The effect on library staff: their workload, their safety, and whether they are asked to act against their professional ethics.',
      questions: [
        'Would staff be asked to take part in work they consider against their professional ethics?',
        'Can a member of staff decline without detriment?',
        'Have staff and their union been told and heard?',
      ],
      principles: ['ALA: respect and fairness to colleagues, employees’ rights', 'IFLA: colleague and employer/employee relationships', 'CILIP: equitable treatment of users and colleagues'],
    },
    {
      key: 'reputation',
      name: 'Reputational risk to the service and the sector',
      description: 'How the partnership could be reported and remembered, for this service and for public libraries generally.',
      questions: [
        'How would local and national media, councillors and campaigners describe the partnership?',
        'Is the partner, or its contractor, the subject of public concern?',
        'Could other library services be affected by what this one does?',
      ],
      principles: ['CILIP: public benefit and the profession’s wider good', 'ALA: not advancing private interests at the expense of users or the institution'],
    },
    {
      key: 'legal_compliance',
      name: 'Legal and regulatory compliance',
      description: 'Data protection (UK GDPR), information rights, equality duties and procurement rules the partnership must meet.',
      questions: [
        'Who is the data controller, and is there a lawful basis and a data protection impact assessment?',
        'Does the partnership meet the public sector equality duty?',
        'Can the service answer information requests about it?',
      ],
      principles: ['CILIP: confidentiality of user information and the right to privacy', 'IFLA: privacy, secrecy and transparency', 'ALA: users’ privacy and confidentiality'],
    },
    {
      key: 'financial_dependency',
      name: 'Financial dependency and exit',
      description: 'Whether the service could come to rely on the income, and how it could leave the partnership if it had to.',
      questions: [
        'What would the service lose if the income stopped, and would services be cut?',
        'Can the service end the partnership early, at what cost and with what notice?',
        'Does the income serve the public, or chiefly the partner?',
      ],
      principles: ['ALA: not advancing private interests at the expense of users or the institution', 'CILIP: public benefit and the profession’s wider good'],
    },
    {
      key: 'safety_security',
      name: 'Safety and security of staff, users and buildings',
      description: 'Physical safety and security: protests, confrontations, lone working, equipment and access to buildings.',
      questions: [
        'Could the partnership attract protest, hostility or confrontation at the library?',
        'Who is responsible for the partner’s staff, equipment and visitors on site?',
        'Does it change who can enter which parts of the building, and when?',
      ],
      principles: ['ALA: respect and fairness to colleagues, employees’ rights', 'IFLA: responsibilities to individuals and society'],
    },
    {
      key: 'transparency',
      name: 'Transparency and prior engagement',
      description:
        'Whether the partnership is open to scrutiny, and whether the professional body, staff and the community were engaged before it was agreed.',
      questions: [
        'Was the professional body consulted before the proposal was drafted or announced?',
        'Can the contract and this decision be published?',
        'Will users be told who runs the service and on whose behalf?',
      ],
      principles: ['IFLA: privacy, secrecy and transparency', 'CILIP: public benefit and the profession’s wider good', 'ALA: professional excellence'],
    },
  ],
  privacyItems: [
    {
      key: 'contract_matches_policy',
      question: 'The contract is consistent with the library’s privacy policy',
      guidance: 'Name the clauses that cover user data, or say what is missing.',
      required: true,
      problem: 'The contract is not consistent with the library’s privacy policy',
    },
    {
      key: 'anonymous_use',
      question: 'Users can use the service anonymously, or without more identification than it needs',
      guidance: 'For e-resources: anonymous searching; for services: what users must show or give.',
      required: true,
      problem: 'Users cannot use the service anonymously, or must give more identification than it needs',
    },
    {
      key: 'data_minimisation',
      question: 'Only the personal data the service needs is collected',
      guidance: 'List what is collected and why each item is needed.',
      required: true,
      problem: 'More personal data is collected than the service needs',
    },
    {
      key: 'retention_schedule',
      question: 'Personal data has a retention and destruction schedule',
      guidance: 'How long each kind of record is kept, and how it is destroyed.',
      required: true,
      problem: 'Personal data has no retention and destruction schedule',
    },
    {
      key: 'law_enforcement_requests',
      question: 'Requests from law enforcement for user records are handled by a defined procedure, and the library is told of them',
      guidance: 'Who may answer a request, informal or from law enforcement, and whether the partner must notify the library.',
      required: true,
      problem: 'Requests from law enforcement for user records have no defined procedure, or the library is not told of them',
    },
    {
      key: 'leaving_privacy_protection',
      question: 'Users are told plainly when they leave the library’s privacy protection',
      guidance: 'Signage, leaflets or screens that say the partner, not the library, holds their data.',
      required: true,
      problem: 'Users are not told plainly when they leave the library’s privacy protection',
    },
    {
      key: 'encryption',
      question: 'Personal data is encrypted in transit and at rest',
      guidance: 'From the contract or the partner’s security statement.',
      required: true,
      problem: 'Personal data is not encrypted in transit and at rest',
    },
    {
      key: 'minors',
      question: 'Children’s and young people’s data is given special care',
      guidance: 'Parental consent, age limits, or why minors are not involved.',
      required: true,
      problem: 'Children’s and young people’s data is not given special care',
    },
    {
      key: 'use_and_disclosure',
      question: 'The partner may not use, combine, sell or disclose user data beyond providing the service',
      guidance: 'The contract’s limits on secondary use, aggregation with other data, sale and sharing with third parties.',
      required: true,
      problem: 'The partner may use, combine, sell or disclose user data beyond providing the service',
    },
  ],
}
