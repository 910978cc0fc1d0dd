import { Link, Text, View } from '@react-pdf/renderer'
import { Facts, Paragraph, QrCode, Section, styles } from './layout'
import { RECORD_SCHEMA_PATH } from './record-json'
import { type Fact, type Words } from './sections'

/** The last section of every record: where the audit chain stood and how to check the file. */
export function Verification({
  url,
  accessibleUrl,
  facts,
  organisation,
  number,
  w,
}: {
  url: string
  accessibleUrl: string
  facts: Fact[]
  organisation: string
  number: number
  w: Words
}) {
  const caUrl = new URL('/verify/ca.pem', url).toString()
  return (
    <Section title={w.t('verification.title', { number })}>
      <Paragraph>{w.t('verification.chain')}</Paragraph>
      <Facts facts={facts} mono={[facts[0]![0]]} />
      <View style={styles.verify} wrap={false}>
        <QrCode value={url} size={110} />
        <View style={{ flex: 1 }}>
          <Text style={styles.paragraph}>{w.t('verification.checkAt')}</Text>
          <Text style={[styles.paragraph, styles.mono]}>{url}</Text>
          <Text style={styles.paragraph}>{w.t('verification.signature', { organisation, caUrl })}</Text>
        </View>
      </View>
      <Paragraph>{w.t('verification.accessible')}</Paragraph>
      <Link src={accessibleUrl} style={[styles.paragraph, styles.mono]}>
        {accessibleUrl}
      </Link>
      <Paragraph>{w.t('verification.json', { url: new URL(RECORD_SCHEMA_PATH, url).toString() })}</Paragraph>
    </Section>
  )
}
