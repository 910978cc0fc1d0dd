import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export type TestS3 = {
  /** The environment Probity reads to use it (STORAGE_TRANSPORT=s3 and the S3_* settings). */
  env: Record<string, string>
  /** Where the server keeps objects: tests change or remove them behind Probity's back. */
  directory: string
  close: () => Promise<void>
}

/**
 * A real S3-compatible server (s3rver: the S3 REST API over HTTP, objects on
 * disk) on 127.0.0.1 and a free port, with one empty bucket.
 */
export async function startS3(bucket = 'probity-files'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  return {
    env: {
      STORAGE_TRANSPORT: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      // s3rver's fixed test credentials; it checks the request signatures made with them.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    directory,
    close: async () => {
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
