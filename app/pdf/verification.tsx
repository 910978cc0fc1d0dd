import { Link, Text, View } from '@react-pdf/renderer'
import { Facts, Paragraph, QrCode, Section, styles } from './layout'
import { RECORD_SCHEMA_PATH } from './record-json'
import { type Fact } from './sections'

/** The last section of every record: where the audit chain stood and how to check the file. */
export function Verification({
  url,
  accessibleUrl,
  facts,
  organisation,
  number,
}: {
  url: string
  accessibleUrl: string
  facts: Fact[]
  organisation: string
  number: number
}) {
  const caUrl = new URL('/verify/ca.pem', url).toString()
  return (
    <Section title={`${number}. Verifying this record`}>
      <Paragraph>
        When this record was signed, the proposal’s audit trail stood at the entry below. Each entry holds the hash of
        the one before, so the trail cannot be changed without it showing.
      </Paragraph>
      <Facts facts={facts} mono={[facts[0]![0]]} />
      <View style={styles.verify} wrap={false}>
        <QrCode value={url} size={110} />
        <View style={{ flex: 1 }}>
          <Text style={styles.paragraph}>Check this record at:</Text>
          <Text style={[styles.paragraph, styles.mono]}>{url}</Text>
          <Text style={styles.paragraph}>
            The file carries a digital signature by {organisation}. A PDF reader shows whether it is intact; so does
            poppler’s pdfsig. To trust the signer, import the certificate authority from {caUrl}
          </Text>
        </View>
      </View>
      <Paragraph>
        This record as an accessible web page, with the same content, drawn from the data signed into this file:
      </Paragraph>
      <Link src={accessibleUrl} style={[styles.paragraph, styles.mono]}>
        {accessibleUrl}
      </Link>
      <Paragraph>
        The file also carries that data as JSON (an attached file, covered by the signature), described by the schema at{' '}
        {new URL(RECORD_SCHEMA_PATH, url).toString()}
      </Paragraph>
    </Section>
  )
}
