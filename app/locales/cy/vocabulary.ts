// The 'vocabulary' namespace in Welsh (docs/welsh-glossary.md, "Vocabulary").
import { type Catalogue } from '../catalogue'
import type en from '../en/vocabulary'

export default {
  stage: {
    draft: 'Drafft',
    screening: 'Sgrinio moesegol',
    consultation: 'Ymgynghoriad',
    decision: 'Yn aros am benderfyniad',
    approved: 'Wedi’i gymeradwyo',
    monitoring: 'Monitro',
    reassessment: 'Ailasesiad',
    suspended: 'Wedi’i atal dros dro',
    rejected: 'Wedi’i wrthod',
    withdrawn: 'Wedi’i dynnu’n ôl',
    terminated: 'Wedi’i derfynu',
    concluded: 'Wedi dod i ben',
  },
  decisionOutcome: {
    approve: 'Cymeradwywyd',
    approve_with_conditions: 'Cymeradwywyd gydag amodau',
    reject: 'Gwrthodwyd',
    return_for_revision: 'Dychwelwyd i’w ddiwygio',
  },
  riskBand: { low: 'Isel', medium: 'Canolig', high: 'Uchel', very_high: 'Uchel iawn' },
  bandMark: { low: 'I', medium: 'C', high: 'U', very_high: 'UI' },
  rag: { red: 'Coch', amber: 'Ambr', green: 'Gwyrdd' },
  concernCategory: {
    ethics: 'Moeseg',
    privacy: 'Preifatrwydd',
    safety: 'Diogelwch',
    workload: 'Llwyth gwaith',
    reputation: 'Enw da',
    other: 'Rhywbeth arall',
  },
  role: {
    admin: 'Gweinyddwr',
    chief_librarian: 'Prif lyfrgellydd',
    reviewer: 'Adolygydd moeseg',
    staff: 'Staff',
    signatory: 'Llofnodwr',
  },
  indicatorDirection: { higher_is_better: 'Gorau po uchaf', lower_is_better: 'Gorau po isaf' },
  thresholdKind: {
    percent: 'Newid canrannol o’r llinell sylfaen',
    absolute: 'Newid o’r llinell sylfaen yn uned y dangosydd',
  },
  indicatorMeasure: {
    manual: 'Yn cael ei nodi ym mhob adolygiad',
    incidents: 'Yn cael ei gyfrif o’r digwyddiadau a gofnodwyd yn y cyfnod',
    staff_concerns: 'Yn cael ei gyfrif o’r pryderon staff a godwyd yn y cyfnod',
  },
  conditionStatus: { met: 'Wedi’i fodloni', not_met: 'Heb ei fodloni', in_progress: 'Ar y gweill' },
  conditionSource: {
    professional_body: 'Argymhelliad y corff proffesiynol',
    staff: 'Ymgynghoriad â staff',
    decision: 'Penderfyniad',
  },
  escalationTrigger: {
    threshold: 'Aeth dangosydd y tu hwnt i’w drothwy',
    manual: 'Wedi’i uwchgyfeirio gan y prif lyfrgellydd',
    concern_surge: 'Ymchwydd o bryderon staff',
    condition_not_met: 'Amod heb ei fodloni mewn dau adolygiad yn olynol',
  },
  reassessmentOutcome: {
    continue: 'Parhau fel y mae',
    add_conditions: 'Parhau gydag amodau ychwanegol',
    suspend: 'Atal y bartneriaeth dros dro',
    terminate: 'Terfynu’r bartneriaeth',
    resume: 'Ailddechrau’r bartneriaeth',
  },
  vulnerableGroupName: {
    minors: 'plant a phobl ifanc',
    migrants: 'mudwyr, ffoaduriaid a cheiswyr lloches',
    homelessness: 'pobl sy’n profi digartrefedd',
    other: 'pobl eraill sy’n agored i niwed',
  },
  vulnerableGroup: {
    minors: 'Plant a phobl ifanc (dan 18 oed)',
    migrants: 'Mudwyr, ffoaduriaid a cheiswyr lloches',
    homelessness: 'Pobl sy’n profi digartrefedd',
    other: 'Pobl eraill sy’n agored i niwed (dywedwch pwy isod)',
  },
  higherBar: {
    minors: {
      privacy: 'Mae angen gofal arbennig gyda data plant: caniatâd rhieni, terfynau oedran, a dim byd yn cael ei gadw os nad oes ei angen.',
      equality: 'Ni all plant bwyso a mesur y risg drostynt eu hunain: a fyddai unrhyw un ohonynt yn cael eu trin yn llai ffafriol, neu’n cadw draw?',
      safety_security: 'Pwy sy’n goruchwylio staff y partner pan fyddant gyda phlant, ac a ydynt wedi cael eu fetio (gwiriadau DBS)?',
      legal_compliance:
        'Mae GDPR y DU yn trin data plant fel data sydd angen diogelwch penodol; gwiriwch y sail gyfreithlon a’r asesiad o’r effaith ar ddiogelu data (DPIA).',
    },
    migrants: {
      privacy: 'A allai unrhyw beth a gesglir gyrraedd yr awdurdodau gorfodi mewnfudo, neu ddatgelu statws rhywun?',
      equality: 'Gall tynnu sylw at fudwyr eu rhoi mewn perygl: a fyddai unrhyw un ohonynt yn rhoi’r gorau i ddefnyddio’r llyfrgell?',
      public_trust: 'A fyddai mudwyr yn dal i weld y llyfrgell fel lle diogel nad yw’n ochri â’r wladwriaeth?',
      safety_security: 'A allai’r bartneriaeth arwain at elyniaeth neu wrthdaro tuag at fudwyr yn y llyfrgell?',
    },
    homelessness: {
      privacy: 'Efallai nad oes gan bobl heb gartref unrhyw gyfeiriad na dyfais arall: beth sy’n cael ei gofnodi amdanynt, a phwy sy’n ei weld?',
      equality:
        'Efallai mai’r llyfrgell yw’r lle y maent yn cadw’n gynnes ac yn mynd ar-lein: a fyddai unrhyw beth yn gwneud iddynt deimlo nad oes croeso iddynt?',
      safety_security: 'A allai’r bartneriaeth newid pwy gaiff aros yn yr adeilad, a phryd?',
    },
    other: {
      privacy: 'Rhowch fwy o bwys ar yr hyn sy’n cael ei gofnodi am y bobl y mae’r cynnig yn eu henwi nag am ddefnyddwyr eraill.',
      equality: 'A fyddai’r bobl y mae’r cynnig yn eu henwi yn cael eu trin yn llai ffafriol, neu’n cadw draw?',
    },
  },
  deliveredBy: {
    library_staff: 'Staff y llyfrgell',
    partner_staff: 'Staff y partner (neu’r contractwr)',
    both: 'Y ddau',
  },
} satisfies Catalogue<typeof en>
