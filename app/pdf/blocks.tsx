import { type DecisionRecordData } from './record-data'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type MonitoringPlan } from '#machines/vocabulary/monitoring'
import { Paragraph, Section, Table } from './layout'
import { conditionRows, monitoringSection, signatoryRows, type Words } from './sections'

/** The parts a decision record and its addenda lay out alike. */

export function ConditionsTable({ conditions, none, w }: { conditions: Condition[]; none: string; w: Words }) {
  if (!conditions.length) return <Paragraph>{none}</Paragraph>
  return (
    <Table
      columns={[
        { key: 'number', title: w.t('column.number'), width: '6%' },
        { key: 'text', title: w.t('column.condition'), width: '64%' },
        { key: 'source', title: w.t('column.origin'), width: '30%' },
      ]}
      rows={conditionRows(conditions, w)}
    />
  )
}

/** The review interval in words, then each indicator with its baseline and threshold. */
export function MonitoringPlanBlock({ plan, outcome, w }: { plan: MonitoringPlan | null; outcome?: Outcome; w: Words }) {
  const monitoring = monitoringSection(plan, outcome, w)
  return (
    <>
      <Paragraph>{monitoring.statement}</Paragraph>
      {monitoring.indicators.length ? (
        <Table
          columns={[
            { key: 'name', title: w.t('column.indicator'), width: '28%' },
            { key: 'baseline', title: w.t('column.baseline'), width: '18%' },
            { key: 'direction', title: w.t('column.direction'), width: '16%' },
            { key: 'threshold', title: w.t('column.threshold'), width: '38%' },
          ]}
          rows={monitoring.indicators}
        />
      ) : null}
    </>
  )
}

export function SignatoriesSection({ number, signatories, w }: { number: number; signatories: DecisionRecordData['signatories']; w: Words }) {
  return (
    <Section title={w.t('signatories', { number })}>
      <Table
        columns={[
          { key: 'name', title: w.t('column.name'), width: '35%' },
          { key: 'role', title: w.t('column.role'), width: '30%' },
          { key: 'signedAt', title: w.t('column.signed'), width: '35%' },
        ]}
        rows={signatoryRows(signatories, w)}
      />
    </Section>
  )
}
