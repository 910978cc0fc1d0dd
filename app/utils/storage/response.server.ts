import { Readable } from 'node:stream'

/** A stored file's chunks as a response body: sent as they are read, never gathered first. */
export function responseBody(body: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(body) as ReadableStream<Uint8Array>
}
