import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'

/**
 * The posted form. A body no form of ours sends (broken multipart, a content
 * type that is not a form) is the sender's mistake: 400, never a 500.
 */
export async function formDataOf(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('That request was not in the expected form.', { status: 400 })
  }
}

export type ReadForm =
  { ok: true; form: FormData } | { ok: false; status: 400 | 413; message: string }

/**
 * A posted form, with its files when it is multipart: the declared size is
 * checked before anything is read, and each file is held in memory only up to
 * `maxFileBytes`.
 */
export async function readForm(
  request: Request,
  limits: { maxFiles: number; maxFileBytes: number; tooLarge: string },
): Promise<ReadForm> {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    return { ok: true, form: await formDataOf(request) }
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  // A little room above the files for the form's own fields and boundaries.
  if (declared > limits.maxFiles * limits.maxFileBytes + 64 * 1024)
    return { ok: false, status: 413, message: limits.tooLarge }
  try {
    const handler = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFileBytes })
    return { ok: true, form: await unstable_parseMultipartFormData(request, handler) }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, status: 413, message: limits.tooLarge }
    return { ok: false, status: 400, message: 'That upload could not be read. Try again.' }
  }
}

/** The files chosen in one file input; an input left empty sends one nameless, empty part. */
export async function uploadsOf(form: FormData, name: string) {
  const files = form.getAll(name).filter((v): v is File => v instanceof File && v.size > 0)
  return Promise.all(
    files.map(async (f) => ({ filename: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  )
}
