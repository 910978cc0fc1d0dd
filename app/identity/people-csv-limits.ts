/** More than a library service has people; a bigger file is a mistake, refused at once rather than worked through. */
export const MAX_IMPORT_ROWS = 5000
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
