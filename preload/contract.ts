// The one contract between renderer and main: every call with the zod schema of its argument and
// result, and every event main pushes. Main validates each incoming argument against it; the types
// that the renderer, the preload and main's handlers use are all derived from it.
// To add a call: one entry in `calls` below, then its handler in main/handlers.ts (tsc insists).
import { z } from 'zod'
import type { ApiOf, Contract, EventsOf, InvokeOf } from './rpc.ts'

/** a compute backend this machine can run the engine on */
export const BackendInfo = z.discriminatedUnion('name', [
  z.object({ name: z.literal('cpu') }),
  z.object({ name: z.literal('webgpu'), adapter: z.string() }),
])
export type BackendInfo = z.infer<typeof BackendInfo>

/** the application's version, the platform it runs on and its compute backends */
export const AppInfo = z.object({
  version: z.string(),
  platform: z.string(),
  backends: z.array(BackendInfo),
})
export type AppInfo = z.infer<typeof AppInfo>

/** the project the window shows: its name, and its file (null until it is saved) */
export const ProjectInfo = z.object({ name: z.string(), path: z.string().nullable() })
export type ProjectInfo = z.infer<typeof ProjectInfo>

const none = z.undefined()

export const contract = {
  calls: {
    /** version, platform and the available compute backends */
    'app.info': { input: none, output: AppInfo },
    /** the project that is open now */
    'project.current': { input: none, output: ProjectInfo },
  },
  // main → renderer pushes; the runs issue adds progress and status events here
  events: {},
} satisfies Contract

/** renderer asks, main answers */
export type Invoke = InvokeOf<typeof contract>
/** main pushes */
export type Events = EventsOf<typeof contract>
/** the API object the renderer holds (window.receptive, or the WebSocket client) */
export type Api = ApiOf<typeof contract>
/** the name of a call */
export type CallName = keyof Invoke & string
