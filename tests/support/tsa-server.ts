import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import path from 'node:path'
import { type Pki } from './pki'

/**
 * A real RFC 3161 timestamp authority: OpenSSL's own `openssl ts -reply`,
 * behind a small HTTP wrapper on 127.0.0.1 and a free port. Its
 * certificate comes from the test PKI, with extendedKeyUsage critical
 * timeStamping, as RFC 3161 requires.
 */

export type TestTsa = {
  url: string
  /** The authority's certificate and its chain, for `openssl ts -verify`. */
  certFile: string
  chainFile: string
  /** How many requests it has answered. */
  served(): number
  close(): Promise<void>
}

function tsaConfig(dir: string, tsa: { certFile: string; keyFile: string; chainFile: string }) {
  return `
[ tsa ]
default_tsa = probity_test_tsa
[ probity_test_tsa ]
dir = ${dir}
serial = $dir/tsaserial
crypto_device = builtin
signer_cert = ${tsa.certFile}
certs = ${tsa.chainFile}
signer_key = ${tsa.keyFile}
signer_digest = sha256
default_policy = 1.3.6.1.4.1.55555.1.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`
}

function reply(dir: string, config: string, query: Buffer): Promise<Buffer> {
  const stamp = `${process.hrtime.bigint()}`
  const queryFile = path.join(dir, `${stamp}.tsq`)
  const replyFile = path.join(dir, `${stamp}.tsr`)
  fs.writeFileSync(queryFile, query)
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['ts', '-reply', '-config', config, '-queryfile', queryFile, '-out', replyFile], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      try {
        if (code !== 0) return reject(new Error(`openssl ts -reply failed: ${stderr}`))
        resolve(fs.readFileSync(replyFile))
      } finally {
        fs.rmSync(queryFile, { force: true })
        fs.rmSync(replyFile, { force: true })
      }
    })
  })
}

export async function startTestTsa(pki: Pki, name = 'Test Council Timestamping'): Promise<TestTsa> {
  const dir = path.join(pki.dir, 'tsa')
  fs.mkdirSync(dir, { recursive: true })
  const tsa = pki.issueTsa(name)
  fs.writeFileSync(path.join(dir, 'tsaserial'), '01\n')
  const config = path.join(dir, 'tsa.cnf')
  fs.writeFileSync(config, tsaConfig(dir, tsa))
  let served = 0
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end()
      return
    }
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      reply(dir, config, Buffer.concat(chunks)).then(
        (body) => {
          served++
          response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body)
        },
        () => response.writeHead(500).end(),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certFile: tsa.certFile,
    chainFile: tsa.chainFile,
    served: () => served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A URL on 127.0.0.1 where nothing listens: a timestamp authority that is down. */
export async function deadTsaUrl(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}/tsa`
}
