import { Document, Page, Text, View } from '@react-pdf/renderer'
import { type AddendumData } from './record-data'
import { bookmark, Facts, Heading, PageFrame, Paragraph, Section, Table, styles } from './layout'
import {
  addendumCoverFacts,
  auditFacts,
  conditionCheckRows,
  formatDateTime,
  readingRows,
  reassessmentOutcomeLabel,
  reviewFacts,
} from './sections'
import { Verification } from './verification'
import { ConditionsTable, MonitoringPlanBlock, SignatoriesSection } from './blocks'

export function addendumMetadata(a: AddendumData) {
  return {
    title: `Addendum ${a.record.reference} to decision record ${a.parent.reference}: ${a.proposal.title}`,
    author: a.organisation.name,
    subject: `Reassessment: ${reassessmentOutcomeLabel(a.outcome)} (partnership with ${a.proposal.partner})`,
    keywords: `decision record addendum, ${a.parent.reference}, ${a.proposal.reference}`,
    creator: 'Probity',
    producer: 'Probity',
    language: 'en-GB',
  }
}

/** A reassessment never edits the original record: it adds this signed addendum, tied to it by hash. */
export function Addendum({ data: a }: { data: AddendumData }) {
  return (
    <Document {...addendumMetadata(a)} conformance="PDF/A-3b" creationDate={a.record.issuedAt} modificationDate={a.record.issuedAt}>
      <Page size="A4" style={styles.page} experimentalPagination>
        <PageFrame
          left={`${a.organisation.name} · Addendum ${a.record.reference}`}
          right={`to ${a.parent.reference}`}
          footer="Signed addendum: check it at the link in its last section"
        />
        <View {...bookmark('Cover')}>
          <Text style={styles.title}>Decision record addendum</Text>
          <Text style={styles.subtitle}>{a.proposal.title}</Text>
          <Facts facts={addendumCoverFacts(a)} mono={['Original record SHA-256']} />
          <Paragraph muted>
            This addendum records a reassessment of the partnership. The original record {a.parent.reference} is
            unchanged; the SHA-256 above identifies the exact file this addendum adds to.
          </Paragraph>
        </View>

        <Section title="1. The review that triggered reassessment">
          <Facts facts={reviewFacts(a.review)} />
          <Heading>Indicators at that review</Heading>
          {a.review.readings.length ? (
            <Table
              columns={[
                { key: 'name', title: 'Indicator', width: '20%' },
                { key: 'baseline', title: 'Baseline', width: '13%' },
                { key: 'value', title: 'Value', width: '13%' },
                { key: 'change', title: 'Change', width: '10%' },
                { key: 'threshold', title: 'Threshold', width: '30%' },
                { key: 'breached', title: 'Breached', width: '14%' },
              ]}
              rows={readingRows(a.review.readings)}
            />
          ) : (
            <Paragraph>No indicator values were recorded.</Paragraph>
          )}
          <Heading>Conditions checked</Heading>
          {a.review.conditions.length ? (
            <Table
              columns={[
                { key: 'text', title: 'Condition', width: '75%' },
                { key: 'status', title: 'Status', width: '25%' },
              ]}
              rows={conditionCheckRows(a.review.conditions)}
            />
          ) : (
            <Paragraph>No conditions were checked.</Paragraph>
          )}
        </Section>

        <Section title="2. The outcome of reassessment">
          <Facts
            facts={[
              ['Outcome', reassessmentOutcomeLabel(a.outcome)],
              ['Decided by', a.decidedBy],
              ['Decided on', formatDateTime(a.decidedAt)],
              ['Rationale', a.rationale],
            ]}
          />
          <Heading>Conditions added</Heading>
          <ConditionsTable conditions={a.newConditions} none="No conditions were added." />
          <Heading>Monitoring from now on</Heading>
          <MonitoringPlanBlock plan={a.monitoring} />
        </Section>

        <SignatoriesSection number={3} signatories={a.signatories} />

        <Verification url={a.record.verifyUrl} accessibleUrl={a.record.accessibleUrl} facts={auditFacts(a.audit)} organisation={a.organisation.name} number={4} />
      </Page>
    </Document>
  )
}
