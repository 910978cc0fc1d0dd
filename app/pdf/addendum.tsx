import { Document, Page, Text, View } from '@react-pdf/renderer'
import { type AddendumData } from './record-data'
import { bookmark, Facts, Heading, PageFrame, Paragraph, Section, Table, styles } from './layout'
import { addendumCoverFacts, auditFacts, conditionCheckRows, formatDateTime, readingRows, reassessmentOutcomeLabel, reviewFacts, wordsFor, type Words } from './sections'
import { documentLanguage, recordLocales } from './record-languages'
import { Verification } from './verification'
import { ConditionsTable, MonitoringPlanBlock, SignatoriesSection } from './blocks'

/** The document's properties; a bilingual addendum gives each in both languages, Welsh first. */
export function addendumMetadata(a: AddendumData) {
  const locales = recordLocales(a.organisation.languages)
  const each = (say: (w: Words) => string) => locales.map((l) => say(wordsFor(l))).join(' / ')
  return {
    title: each((w) => w.t('meta.addendumTitle', { reference: a.record.reference, parent: a.parent.reference, title: a.proposal.title })),
    author: a.organisation.name,
    subject: each((w) => w.t('meta.addendumSubject', { outcome: reassessmentOutcomeLabel(a.outcome, w), partner: a.proposal.partner })),
    keywords: each((w) => w.t('meta.addendumKeywords', { parent: a.parent.reference, proposal: a.proposal.reference })),
    creator: 'Probity',
    producer: 'Probity',
    language: documentLanguage(locales),
  }
}

/** A reassessment never edits the original record: it adds this signed addendum, tied to it by hash. */
export function Addendum({ data: a }: { data: AddendumData }) {
  const locales = recordLocales(a.organisation.languages)
  return (
    <Document {...addendumMetadata(a)} conformance="PDF/A-3b" creationDate={a.record.issuedAt} modificationDate={a.record.issuedAt}>
      {locales.map((locale) => (
        <AddendumPart key={locale} a={a} w={wordsFor(locale)} bilingual={locales.length > 1} />
      ))}
    </Document>
  )
}

function AddendumPart({ a, w, bilingual }: { a: AddendumData; w: Words; bilingual: boolean }) {
  const { t } = w
  const sha256Label = t('fact.parentSha256')
  return (
    <Page size="A4" style={styles.page} experimentalPagination>
      <PageFrame
        left={t('addendum.header', { organisation: a.organisation.name, reference: a.record.reference })}
        right={t('addendum.to', { parent: a.parent.reference })}
        footer={t('addendum.footer')}
        w={w}
      />
      <View {...bookmark(bilingual ? `${t('decision.cover')} (${t(`language.${w.locale}`)})` : t('decision.cover'))}>
        <Text style={styles.title}>{t('addendum.title')}</Text>
        <Text style={styles.subtitle}>{a.proposal.title}</Text>
        {bilingual ? <Paragraph muted>{t('bilingualNote')}</Paragraph> : null}
        <Facts facts={addendumCoverFacts(a, w)} mono={[sha256Label]} />
        <Paragraph muted>{t('addendum.intro', { parent: a.parent.reference })}</Paragraph>
      </View>

      <Section title={t('addendum.review')}>
        <Facts facts={reviewFacts(a.review, w)} />
        <Heading>{t('addendum.indicatorsAtReview')}</Heading>
        {a.review.readings.length ? (
          <Table
            columns={[
              { key: 'name', title: t('column.indicator'), width: '20%' },
              { key: 'baseline', title: t('column.baseline'), width: '13%' },
              { key: 'value', title: t('column.value'), width: '13%' },
              { key: 'change', title: t('column.change'), width: '10%' },
              { key: 'threshold', title: t('column.threshold'), width: '30%' },
              { key: 'breached', title: t('column.breached'), width: '14%' },
            ]}
            rows={readingRows(a.review.readings, w)}
          />
        ) : (
          <Paragraph>{t('addendum.noReadings')}</Paragraph>
        )}
        <Heading>{t('addendum.conditionsChecked')}</Heading>
        {a.review.conditions.length ? (
          <Table
            columns={[
              { key: 'text', title: t('column.condition'), width: '75%' },
              { key: 'status', title: t('column.status'), width: '25%' },
            ]}
            rows={conditionCheckRows(a.review.conditions, w)}
          />
        ) : (
          <Paragraph>{t('addendum.noConditionsChecked')}</Paragraph>
        )}
      </Section>

      <Section title={t('addendum.outcome')}>
        <Facts
          facts={[
            [t('fact.outcome'), reassessmentOutcomeLabel(a.outcome, w)],
            [t('fact.decidedBy'), a.decidedBy],
            [t('fact.decidedOn'), formatDateTime(a.decidedAt, w)],
            [t('fact.rationale'), a.rationale],
          ]}
        />
        <Heading>{t('addendum.conditionsAdded')}</Heading>
        <ConditionsTable conditions={a.newConditions} none={t('addendum.noConditionsAdded')} w={w} />
        <Heading>{t('addendum.monitoringFromNow')}</Heading>
        <MonitoringPlanBlock plan={a.monitoring} w={w} />
      </Section>

      <SignatoriesSection number={3} signatories={a.signatories} w={w} />

      <Verification url={a.record.verifyUrl} accessibleUrl={a.record.accessibleUrl} facts={auditFacts(a.audit, w)} organisation={a.organisation.name} number={4} w={w} />
    </Page>
  )
}
