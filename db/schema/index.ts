// One Postgres-dialect schema, split by feature. Each file owns its tables.
export * from './core'
export * from './proposals'
export * from './audit'
export * from './intake'
export * from './screening'
export * from './consultation'
export * from './notifications'
export * from './monitoring'
