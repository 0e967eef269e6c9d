// The one contract between renderer and main: every call with the zod schema of its argument and
// result, and every event main pushes. Main validates each incoming argument against it; the types
// that the renderer, the preload and main's handlers use are all derived from it.
// To add a call: one entry in `calls` below, then its handler in main/handlers.ts (tsc insists).
import { z } from 'zod'
import type { FORMAT, ModelSpec } from '../engine/graph/spec.ts'
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

/** a project file the user named (open, save as); a relative path is taken from main's working folder */
export const ProjectPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL')

// the envelope of a model spec; engine/graph validates the nodes themselves (the editor saves graphs
// that are still being built, so an invalid graph is a valid argument here)
const specEnvelope = z.object({
  format: z.literal('receptive.graph/1' satisfies typeof FORMAT),
  nodes: z.array(z.looseObject({ id: z.string(), op: z.string() })).max(10_000),
  output: z.string(),
})

/** a model spec (engine/graph/spec.ts), checked as far as the envelope */
export const GraphSpec = z.custom<ModelSpec>().superRefine((value, ctx) => {
  for (const issue of specEnvelope.safeParse(value).error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  }
})

/** where the editor placed each node, by node id */
export const GraphLayout = z.record(z.string(), z.object({ x: z.number(), y: z.number() }))
export type GraphLayout = z.infer<typeof GraphLayout>

/** the project's current graph: the model spec and the editor's layout beside it */
export const Graph = z.object({ spec: GraphSpec, layout: GraphLayout })
export type Graph = z.infer<typeof Graph>

/** the graph as read, with the open project's id (it changes whenever another project is opened) */
export const OpenGraph = Graph.extend({ project: z.string() })
export type OpenGraph = z.infer<typeof OpenGraph>

/** a graph to store; with `project` (from graph.get) it is refused if another project is open by now */
export const GraphSave = Graph.extend({ project: z.string().optional() })
export type GraphSave = z.infer<typeof GraphSave>

const none = z.undefined()

export const contract = {
  calls: {
    /** version, platform and the available compute backends */
    'app.info': { input: none, output: AppInfo },
    /** the project that is open now */
    'project.current': { input: none, output: ProjectInfo },
    /** a new, untitled project holding the LeNet-5 template */
    'project.new': { input: none, output: ProjectInfo },
    /** opens a project file; the one open before stays open if this one is refused */
    'project.open': { input: z.object({ path: ProjectPath }), output: ProjectInfo },
    /** makes sure everything is on disk; an untitled project must be given a file with project.saveAs */
    'project.save': { input: none, output: ProjectInfo },
    /** copies the project to a new file, which becomes the open project; an existing file needs overwrite */
    'project.saveAs': { input: z.object({ path: ProjectPath, overwrite: z.boolean().optional() }), output: ProjectInfo },
    /** recently opened projects, newest first */
    'project.recent': { input: none, output: z.array(ProjectInfo) },
    /** the open project's graph */
    'graph.get': { input: none, output: OpenGraph },
    /** stores the graph (autosave); changed is false when it was stored exactly so already. Pass the
     *  project id graph.get gave, so that a save still pending when another project opens is refused */
    'graph.save': { input: GraphSave, output: z.object({ changed: z.boolean() }) },
  },
  // main → renderer pushes; the runs issue adds progress and status events here
  events: {
    /** another project is open now (new, open, save as, from the menu or any window): reload its graph */
    'project.changed': ProjectInfo,
  },
} satisfies Contract

/** renderer asks, main answers */
export type Invoke = InvokeOf<typeof contract>
/** main pushes */
export type Events = EventsOf<typeof contract>
/** the API object the renderer holds (window.receptive, or the WebSocket client) */
export type Api = ApiOf<typeof contract>
/** the name of a call */
export type CallName = keyof Invoke & string
