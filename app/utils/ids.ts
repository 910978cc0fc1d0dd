const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Record ids in URLs are uuids; anything else is a 404 before it reaches the database, which would reject it. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value)
}
