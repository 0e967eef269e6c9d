// The project store's public surface: what main's services import. Everything else in main/store is
// internal to it.

export { ProjectStore, type CreateOptions, type OpenOptions } from './project-store.ts'
export { RecentProjects, RECENT_MAX } from './recent-projects.ts'
export { StoreError, type StoreErrorCode } from './store-error.ts'
export { APPLICATION_ID, SCHEMA_VERSION, PROJECT_EXTENSION } from './file-format.ts'
export { RUN_TRANSITIONS } from './runs.ts'
export { CHECKPOINTS_KEPT } from './checkpoints.ts'
export type * from './types.ts'
