// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata'
import crypto from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(crypto.webcrypto as Crypto)

export { x509 }
