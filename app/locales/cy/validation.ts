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
  consultation: {
    itemNotFound: 'Ni chafwyd hyd i’r eitem honno',
    sentOnRequired: 'Rhowch y dyddiad yr anfonwyd y cais',
    contactRequired: 'Rhowch at bwy yr aeth y cais',
    sharedRequired: 'Dywedwch beth a rannwyd â nhw',
    deadlineRequired: 'Rhowch y dyddiad y mae ymateb yn ddyledus',
    deadlineBeforeSent: 'Ni all y dyddiad cau fod cyn y dyddiad yr anfonwyd y cais',
    receivedOnRequired: 'Rhowch y dyddiad y daeth yr ymateb i law',
    responseSummaryRequired: 'Rhowch grynodeb o’r ymateb',
    recommendationRequired: 'Rhowch yr argymhelliad, neu dilëwch ef',
    // "argymhelliad" begins with a vowel: the singular after a numeral needs no mutation.
    tooManyRecommendations: 'Cofnodwch {{max}} argymhelliad ar y mwyaf',
    answerRequired: 'Dewiswch a yw’r gwasanaeth yn ei dderbyn',
    rationaleRequired: 'Esboniwch pam nad yw’r gwasanaeth yn ei dderbyn',
    noteRequired: 'Cofnodwch beth ddigwyddodd',
    closesOnRequired: 'Rhowch y dyddiad cau',
    staffSummaryRequired: 'Ysgrifennwch grynodeb i staff',
    unionNameRequired: 'Rhowch enw’r undeb',
    consultedOnRequired: 'Rhowch ddyddiad ymateb yr undeb',
    unionResponseRequired: 'Rhowch grynodeb o ymateb yr undeb',
    identityRequired: 'Dewiswch a ydych am roi eich enw',
    categoryRequired: 'Dewiswch am beth mae eich pryder',
    concernRequired: 'Disgrifiwch eich pryder',
    responseRequired: 'Ysgrifennwch yr ymateb',
    hideReasonRequired: 'Dywedwch pa ran o’r cod ymddygiad y mae’n ei thorri',
    receiptRequired: 'Rhowch eich cod derbynneb',
    receiptInvalid: 'Nid cod derbynneb yw hwnnw',
    receiptNotFound: 'Does dim pryder â’r cod derbynneb hwnnw. Gwiriwch y cod a rhowch gynnig arall arni.',
  },
  decision: {
    reload: 'Ail-lwythwch y dudalen a rhowch gynnig arall arni',
    outcomeRequired: 'Dewiswch y canlyniad',
    rationaleRequired: 'Esboniwch y penderfyniad',
    conditionRequired: 'Ysgrifennwch yr amod, neu dilëwch ef',
    // "amod" begins with a vowel: no mutation after the numeral.
    tooManyConditions: 'Gosodwch {{max}} amod ar y mwyaf',
    viewRequired: 'Ysgrifennwch y farn, neu dilëwch hi',
    tooManyViews: 'Cofnodwch {{max}} barn ar y mwyaf',
    conditionsMissing: 'Ychwanegwch o leiaf un amod, neu dewiswch ganlyniad arall',
    conditionsNotWanted: 'Dewiswch “Cymeradwyo gydag amodau”, neu dilëwch yr amodau',
    overrideRequired: 'I gymeradwyo er gwaethaf y mater atal hwn, cofnodwch pam',
    monitoringRequired: 'Gosodwch y cynllun monitro ar gyfer y gymeradwyaeth',
    passwordRequired: 'Rhowch eich cyfrinair i lofnodi',
    passwordTooLong: 'Mae’r cyfrinair hwnnw’n rhy hir',
  },
  intake: {
    unreadableUpload: 'Nid oedd modd darllen y ffeil a lanlwythwyd. Rhowch gynnig arall arni.',
    unexpectedForm: 'Nid oedd y cais ar y ffurf ddisgwyliedig.',
  },
  overview: {
    reasonRequired: 'Rhowch reswm',
  },
} satisfies Catalogue<typeof en>
