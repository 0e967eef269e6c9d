// The app's decoded-data cache folder: RECEPTIVE_DATA_CACHE when set, else the one `receptive data
// import` fills (so a dataset imported on the command line opens fast in the app too). Engine hosts
// inherit main's environment, and engine/host/train-job.ts reads the same variable: sharing the
// folder means writing it there before the first host starts.

import { defaultCacheDir } from '../cli/data-command.ts'

export const CACHE_VARIABLE = 'RECEPTIVE_DATA_CACHE'

/** the cache folder for this environment, recorded in it for the processes main starts */
export function shareDataCache(env: NodeJS.ProcessEnv = process.env): string {
  return (env[CACHE_VARIABLE] ||= defaultCacheDir(env))
}
