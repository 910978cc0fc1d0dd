import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A council-style PKI made with the `openssl` command, as an IT department
 * would make one: a root CA, an issuing (intermediate) CA under it, and
 * signing certificates issued by the intermediate, handed over as PKCS#12
 * files holding the key, the certificate and the chain. `openssl ca` keeps
 * a real certificate database, so certificates can be back-dated, revoked
 * and listed in a CRL.
 */

export type KeyKind = 'rsa' | 'p256' | 'p384'

export type Leaf = { p12: string; passphrase: string; certPem: string; certFile: string; keyFile: string }

export type Pki = {
  dir: string
  rootFile: string
  rootPem: string
  intermediateFile: string
  /** Issues a signing certificate from the intermediate, packed with its chain in a PKCS#12 file. */
  issueSigner(name: string, options?: { startDate?: Date; endDate?: Date; chain?: 'full' | 'leaf-only' }): Leaf
  /** Issues a timestamping certificate (extendedKeyUsage critical timeStamping) from the intermediate. */
  issueTsa(name: string): { certFile: string; keyFile: string; chainFile: string }
  revoke(leaf: Leaf): void
  /** The intermediate's current CRL (PEM), listing what was revoked so far. */
  crl(): string
}

export function openssl(args: string[], options: { cwd?: string; input?: Buffer } = {}): Buffer {
  const result = spawnSync('openssl', args, { cwd: options.cwd, input: options.input })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr.toString()}`)
  return result.stdout
}

const KEY_ARGS: Record<KeyKind, string[]> = {
  rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  p256: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
}

/** openssl ca's date form, YYYYMMDDHHMMSSZ. */
const caDate = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'

function caConfig(dir: string) {
  return `
[ ca ]
default_ca = ca_default
[ ca_default ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_days = 365
default_crl_days = 30
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ root_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ issuing_ca ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ signer ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ timestamping ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`
}

function newCa(dir: string) {
  fs.mkdirSync(path.join(dir, 'issued'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.txt'), '')
  fs.writeFileSync(path.join(dir, 'serial'), '1000\n')
  fs.writeFileSync(path.join(dir, 'crlnumber'), '1000\n')
  const config = path.join(dir, 'ca.cnf')
  fs.writeFileSync(config, caConfig(dir))
  return config
}

export function makePki(dir: string, kind: KeyKind, organisation = 'Test Council'): Pki {
  fs.mkdirSync(dir, { recursive: true })
  const file = (name: string) => path.join(dir, name)
  const key = (name: string) => {
    openssl(['genpkey', ...KEY_ARGS[kind], '-out', file(`${name}.key`)])
    return file(`${name}.key`)
  }
  const rootDir = file('root-ca')
  const rootConfig = newCa(rootDir)
  const rootKey = key('root')
  const rootFile = file('root.pem')
  openssl(['req', '-config', rootConfig, '-x509', '-new', '-key', rootKey, '-subj', `/CN=${organisation} Root CA (${kind})/O=${organisation}`, '-days', '3650', '-extensions', 'root_ca', '-out', rootFile])

  const issuingDir = file('issuing-ca')
  const issuingConfig = newCa(issuingDir)
  const intermediateKey = key('intermediate')
  const intermediateFile = file('intermediate.pem')
  openssl(['req', '-config', rootConfig, '-new', '-key', intermediateKey, '-subj', `/CN=${organisation} Issuing CA (${kind})/O=${organisation}`, '-out', file('intermediate.csr')])
  openssl(['ca', '-batch', '-notext', '-config', rootConfig, '-cert', rootFile, '-keyfile', rootKey, '-extensions', 'issuing_ca', '-days', '3000', '-in', file('intermediate.csr'), '-out', intermediateFile])

  // File names without spaces: openssl takes some path arguments as URIs.
  const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-')
  const issue = (name: string, extensions: string, dates: { startDate?: Date; endDate?: Date } = {}) => {
    const leafKey = key(slug(name))
    const csr = file(`${slug(name)}.csr`)
    const certFile = file(`${slug(name)}.pem`)
    openssl(['req', '-config', issuingConfig, '-new', '-key', leafKey, '-subj', `/CN=${name}/O=${organisation}`, '-out', csr])
    const validity = [
      ...(dates.startDate ? ['-startdate', caDate(dates.startDate)] : []),
      ...(dates.endDate ? ['-enddate', caDate(dates.endDate)] : ['-days', '730']),
    ]
    openssl(['ca', '-batch', '-notext', '-config', issuingConfig, '-cert', intermediateFile, '-keyfile', intermediateKey, '-extensions', extensions, ...validity, '-in', csr, '-out', certFile])
    return { keyFile: leafKey, certFile }
  }

  return {
    dir,
    rootFile,
    rootPem: fs.readFileSync(rootFile, 'utf8'),
    intermediateFile,
    issueSigner(name, options = {}) {
      const { keyFile, certFile } = issue(name, 'signer', options)
      const chainFile = file(`${slug(name)}-chain.pem`)
      fs.writeFileSync(chainFile, fs.readFileSync(intermediateFile, 'utf8') + fs.readFileSync(rootFile, 'utf8'))
      const p12 = file(`${slug(name)}.p12`)
      const passphrase = `pass-${name}`
      const chain = options.chain === 'leaf-only' ? [] : ['-certfile', chainFile]
      // OpenSSL 3's defaults: AES-256-CBC under PBKDF2, and a SHA-256 MAC.
      openssl(['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, ...chain, '-name', name, '-passout', `pass:${passphrase}`, '-out', p12])
      return { p12, passphrase, certPem: fs.readFileSync(certFile, 'utf8'), certFile, keyFile }
    },
    issueTsa(name) {
      const { keyFile, certFile } = issue(name, 'timestamping')
      const chainFile = file(`${slug(name)}-chain.pem`)
      fs.writeFileSync(chainFile, fs.readFileSync(intermediateFile, 'utf8') + fs.readFileSync(rootFile, 'utf8'))
      return { certFile, keyFile, chainFile }
    },
    revoke(leaf) {
      openssl(['ca', '-config', issuingConfig, '-cert', intermediateFile, '-keyfile', intermediateKey, '-revoke', leaf.certFile, '-crl_reason', 'keyCompromise'])
    },
    crl() {
      return openssl(['ca', '-config', issuingConfig, '-cert', intermediateFile, '-keyfile', intermediateKey, '-gencrl']).toString('utf8')
    },
  }
}
