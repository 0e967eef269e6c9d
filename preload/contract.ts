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

/** an untitled project left by a Receptive that did not close, holding work: offered back on start */
export const RecoverableProject = z.object({
  path: z.string(), name: z.string(),
  /** when the file was last written (ms since 1970) */
  modifiedAt: z.number(),
  /** layers (the input not counted), runs and saved datasets it holds */
  summary: z.object({ layers: z.number(), runs: z.number(), datasets: z.number() }),
})
export type RecoverableProject = z.infer<typeof RecoverableProject>

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

// --- runs: training, its live state and its record (the dashboard's calls) ---

/** where a run stands */
export const RunStatus = z.enum(['queued', 'running', 'paused', 'done', 'failed', 'interrupted', 'stopped'])
export type RunStatus = z.infer<typeof RunStatus>
const figure = z.number().nullable() // NaN (a diverged run) crosses as null
const splitFigures = z.object({ loss: figure, accuracy: figure })

/** one run as the runs table lists it (main/services/runs/run-wire.ts) */
export const RunSummary = z.object({
  id: z.number(), name: z.string(), status: RunStatus, backend: z.enum(['cpu', 'webgpu']), adapter: z.string().nullable(),
  seed: z.number(), hyper: z.unknown(), createdAt: z.number(), startedAt: z.number().nullable(), endedAt: z.number().nullable(),
  error: z.string().nullable(),
  /** last value of every epoch metric, keyed "<split>.<name>" */
  final: z.record(z.string(), figure),
  bestValAccuracy: figure,
})
export type RunSummary = z.infer<typeof RunSummary>

/** a run's live state, pushed at most 20 times a second while it trains (main/services/runs/run-state.ts) */
export const RunState = z.object({
  runId: z.number(), status: RunStatus, step: z.number(), epoch: z.number(), totalSteps: z.number(), stepsPerEpoch: z.number(),
  loss: figure, accuracy: figure, imagesPerSecond: figure, lr: figure,
  lastEpoch: z.object({ epoch: z.number(), train: splitFigures, validation: splitFigures.nullable() }).nullable(),
  backend: z.string().nullable(), error: z.string().nullable(),
})
export type RunState = z.infer<typeof RunState>

/** one curve of a run: parallel arrays ordered by step */
export const MetricSeries = z.object({
  scope: z.enum(['step', 'epoch']), split: z.enum(['train', 'val', 'test']), name: z.string(),
  step: z.array(z.number()), epoch: z.array(z.number()), value: z.array(figure),
})
export type MetricSeries = z.infer<typeof MetricSeries>

const runId = z.object({ runId: z.number().int().positive() })

/** what a new run trains with; main checks hyper and dataset in depth (engine/host/job.ts, engine/data/spec.ts) */
export const RunStart = z.object({
  name: z.string().min(1).max(200),
  hyper: z.record(z.string(), z.unknown()),
  dataset: z.record(z.string(), z.unknown()),
  backend: z.enum(['cpu', 'webgpu', 'auto']),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
})
export type RunStart = z.input<typeof RunStart>

/** a built-in dataset, and whether this machine has it (engine/data/builtin/registry.ts) */
export const BuiltinDataset = z.object({
  id: z.string(), name: z.string(), description: z.string(), inputShape: z.array(z.number()), classes: z.array(z.string()),
  licence: z.string(), available: z.boolean(), reason: z.string().optional(),
})
export type BuiltinDataset = z.infer<typeof BuiltinDataset>

/** a finished run's test-split evaluation (main/services/evaluate.ts) */
export const RunEvaluation = z.object({
  classes: z.array(z.string()),
  /** which split was evaluated: the test split, or validation when the dataset has no test split */
  split: z.enum(['test', 'val']),
  accuracy: z.number(), loss: figure,
  /** confusion[truth][predicted] sample counts */
  confusion: z.array(z.array(z.number())),
  /** per sample of that split: its label, the predicted class and the probability given to it */
  labels: z.array(z.number()), predicted: z.array(z.number()), confidence: z.array(z.number()),
})
export type RunEvaluation = z.infer<typeof RunEvaluation>

/** samples of a split as 8-bit grey or RGB images (a volume by its middle slice; 1D signals have none) */
export const SampleImages = z.object({
  /** [height, width, channels] of every image (1 or 3 channels) */
  shape: z.array(z.number()),
  /** base64 of height×width×channels bytes per image, pixel-interleaved, in the order asked */
  images: z.array(z.string()),
})
export type SampleImages = z.infer<typeof SampleImages>

/** a run's trained model to write out (main/services/export.ts): an .onnx file, a PyTorch folder
 *  (model.py, weights.npz, README.md) or the weights alone as .npz */
export const ExportRun = z.object({
  runId: z.number().int().positive(),
  format: z.enum(['onnx', 'pytorch', 'npz']),
  path: ProjectPath,
})
export type ExportRun = z.infer<typeof ExportRun>

// --- inspect: learned filters, feature maps and activation maximisation (main/services/inspect.ts) ---

/** float32 values as base64 of their little-endian bytes (compact over either transport) */
const Floats = z.string()

/** the snapshot steps of a run and the layers whose filters were recorded */
export const InspectSnapshots = z.object({
  steps: z.array(z.object({ step: z.number(), epoch: z.number() })),
  nodes: z.array(z.object({ node: z.string(), op: z.string(), shape: z.array(z.number()) })),
})
export type InspectSnapshots = z.infer<typeof InspectSnapshots>

/** one layer's filters at one snapshot, in groups (t×t for tiled layers) of filters×channels×height×width */
export const FilterSetWire = z.object({
  node: z.string(), op: z.string(),
  /** three input channels read from the input image: draw in colour */
  rgb: z.boolean(),
  /** unshared layers: the output position shown and the grid of positions */
  position: z.array(z.number()).nullable(), positions: z.array(z.number()).nullable(),
  groups: z.array(z.object({
    label: z.string(), filters: z.number(), channels: z.number(), height: z.number(), width: z.number(), values: Floats,
  })),
})
export type FilterSetWire = z.infer<typeof FilterSetWire>

/** what to look at: a sample of the run's dataset, or an image file the user dropped (RGBA bytes, base64) */
export const InspectInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample'), split: z.enum(['train', 'val', 'test']), index: z.number().int().min(0) }),
  z.object({ kind: z.literal('image'), width: z.number().int().min(1).max(4096), height: z.number().int().min(1).max(4096),
    rgba: z.string().max(90_000_000) }),
])
export type InspectInput = z.infer<typeof InspectInput>

/** every layer's output for one input at the run's last checkpoint */
export const FeatureMapsWire = z.object({
  step: z.number(),
  /** the sample's class, when it came from the dataset */
  label: z.string().nullable(),
  maps: z.array(z.object({
    node: z.string(), op: z.string(), shape: z.array(z.number()), min: figure, max: figure, values: Floats,
    /** per spatial axis, per position along it: the [first, last] input position it sees (empty for flat outputs) */
    field: z.array(z.array(z.tuple([z.number(), z.number()]))),
  })),
})
export type FeatureMapsWire = z.infer<typeof FeatureMapsWire>

/** the input that maximises a channel of a layer, found by gradient ascent (seeded) */
export const MaximizeWire = z.object({ step: z.number(), shape: z.array(z.number()), values: Floats, activations: z.array(figure) })
export type MaximizeWire = z.infer<typeof MaximizeWire>

// --- data: importing, previewing and keeping datasets (main/services/datasets.ts) ---

/** a dataset reader (engine/data/formats) */
export const DataFormatId = z.enum(['idx', 'cifar', 'image-folder', 'wav-folder', 'npy', 'npz'])
export type DataFormatId = z.infer<typeof DataFormatId>

/** where a dataset comes from: a file or folder on main's machine, or a built-in set */
export const DataSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: ProjectPath }),
  z.object({ kind: z.literal('builtin'), id: z.string().min(1).max(100) }),
])
export type DataSource = z.infer<typeof DataSource>

/** a dataset spec (engine/data/spec.ts, "receptive.dataset/1"); main validates it in depth */
export const DatasetSpecWire = z.record(z.string(), z.unknown())

/** what to import: the source, the reader's options (engine/data/format.ts ImportOptions) and how the
 *  project will use it (validation split, normalisation, augmentation); main checks them all before starting */
export const DataImport = z.object({
  source: DataSource,
  format: DataFormatId.optional(),
  options: z.record(z.string(), z.unknown()),
  split: z.object({ validation: z.number(), seed: z.number().int() }).optional(),
  normalization: z.enum(['standardize', 'none']).optional(),
  augmentation: z.record(z.string(), z.unknown()).optional(),
  augmentationSeed: z.number().int().optional(),
  /** samples per class of the training split to return with the outcome (data.result); none by default */
  preview: z.number().int().min(0).max(64).optional(),
})
export type DataImport = z.input<typeof DataImport>

/** a file left out of an import, and why */
export const BadFileWire = z.object({ file: z.string(), reason: z.string() })
export type BadFileWire = z.infer<typeof BadFileWire>

/** what an import found (engine/data/summary.ts): per-class counts of each split, shape, mean/std, skipped files */
export const DataSummary = z.object({
  format: z.string(), inputShape: z.array(z.number()), classes: z.array(z.string()),
  splits: z.array(z.object({ name: z.enum(['train', 'test']), count: z.number(), perClass: z.array(z.number()) })),
  mean: z.array(figure), std: z.array(figure), bad: z.array(BadFileWire), notes: z.array(z.string()),
})
export type DataSummary = z.infer<typeof DataSummary>

/** a few samples of each class: 8-bit images (base64 of height×width×channels bytes, pixel-interleaved) or 1D signals */
export const DataPreviewClass = z.object({
  name: z.string(), count: z.number(),
  samples: z.array(z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('image'), index: z.number(), width: z.number(), height: z.number(), channels: z.number(), pixels: z.string() }),
    z.object({ kind: z.literal('signal'), index: z.number(), values: z.array(figure) }),
  ])),
})
export type DataPreviewClass = z.infer<typeof DataPreviewClass>

/** why an import produced nothing: the file at fault, the reason, the files skipped; cancelled when the user stopped it */
export const DataFailure = z.object({ file: z.string(), reason: z.string(), bad: z.array(BadFileWire), cancelled: z.boolean() })
export type DataFailure = z.infer<typeof DataFailure>

/** how an import ended: its summary and the completed spec to save, or why nothing was imported */
export const DataOutcome = z.discriminatedUnion('ok', [
  /** preview: samples of the training split, when the import asked for them */
  z.object({ ok: z.literal(true), summary: DataSummary, spec: DatasetSpecWire, preview: z.array(DataPreviewClass).nullable() }),
  DataFailure.extend({ ok: z.literal(false) }),
])
export type DataOutcome = z.infer<typeof DataOutcome>

/** progress of an import, for a bar with counts and an ETA */
export const DataProgress = z.object({
  importId: z.number(), phase: z.enum(['scan', 'read', 'decode']), done: z.number(), total: z.number(), unit: z.enum(['files', 'bytes']),
})
export type DataProgress = z.infer<typeof DataProgress>

/** a dataset kept in the project */
export const SavedDataset = z.object({ id: z.number(), name: z.string(), spec: z.unknown(), createdAt: z.number() })
export type SavedDataset = z.infer<typeof SavedDataset>

const importId = z.object({ importId: z.number().int().positive() })

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
    /** unsaved projects left by a Receptive that closed unexpectedly, newest first (empty ones are deleted) */
    'project.recoverable': { input: none, output: z.array(RecoverableProject) },
    /** opens a leftover as the current project, still untitled (Save As gives it a file) */
    'project.recover': { input: z.object({ path: ProjectPath }), output: ProjectInfo },
    /** deletes a leftover */
    'project.discardRecoverable': { input: z.object({ path: ProjectPath }), output: none },
    /** the open project's graph */
    'graph.get': { input: none, output: OpenGraph },
    /** stores the graph (autosave); changed is false when it was stored exactly so already. Pass the
     *  project id graph.get gave, so that a save still pending when another project opens is refused */
    'graph.save': { input: GraphSave, output: z.object({ changed: z.boolean() }) },
    /** every run of the open project, oldest first */
    'runs.list': { input: none, output: z.array(RunSummary) },
    /** starts a run of the project's saved graph; refused when the graph, settings or dataset are invalid */
    'runs.start': { input: RunStart, output: runId },
    /** ends a run after its current step */
    'runs.stop': { input: runId, output: none },
    /** holds a training run (its process and weights stay) */
    'runs.pause': { input: runId, output: none },
    /** continues a paused run, or an interrupted, failed or stopped one from its last checkpoint */
    'runs.resume': { input: runId, output: none },
    /** a run's live state now (then follow run.progress) */
    'runs.state': { input: runId, output: RunState },
    /** a run's curves; afterStep fetches only what is new */
    'runs.metrics': { input: runId.extend({ afterStep: z.number().int().optional(), scope: z.enum(['step', 'epoch']).optional() }),
      output: z.array(MetricSeries) },
    /** what a run trained: its graph and dataset as recorded (to compare runs) */
    'runs.detail': { input: runId, output: z.object({ spec: GraphSpec, dataset: z.unknown(), hyper: z.unknown() }) },
    /** evaluates a run's last checkpoint on its dataset's test split (cached in the project) */
    'runs.evaluate': { input: runId, output: RunEvaluation },
    /** images of a run's evaluated split, by index */
    'runs.samples': { input: runId.extend({ indices: z.array(z.number().int().min(0)).max(500) }), output: SampleImages },
    /** the built-in datasets, and which of them this machine has */
    'data.builtins': { input: none, output: z.array(BuiltinDataset) },
    /** what kind of dataset a file or folder is, or null when no reader recognises it */
    'data.detect': { input: z.object({ path: ProjectPath }), output: z.object({ format: DataFormatId, name: z.string() }).nullable() },
    /** starts importing a dataset in a separate process; follow data.progress, then data.imported or data.failed (or ask data.result) */
    'data.import': { input: DataImport, output: importId },
    /** how an import ended, once it has (waits for it) */
    'data.result': { input: importId, output: DataOutcome },
    /** stops an import; it ends as failed with cancelled: true, and nothing of it is kept */
    'data.cancel': { input: importId, output: none },
    /** up to perClass samples of every class of one split of a dataset, as drawn (augmented: the first epoch's augmentation) */
    'data.preview': { input: z.object({ spec: DatasetSpecWire, split: z.enum(['train', 'validation', 'test']),
      perClass: z.number().int().min(1).max(64), augmented: z.boolean().optional() }), output: z.array(DataPreviewClass) },
    /** keeps a dataset spec in the project under a name (replacing one of that name) */
    'data.save': { input: z.object({ name: z.string().trim().min(1).max(200), spec: DatasetSpecWire }), output: z.object({ id: z.number() }) },
    /** the datasets kept in the project, by name */
    'data.list': { input: none, output: z.array(SavedDataset) },
    /** forgets a kept dataset (the data itself stays where it is) */
    'data.remove': { input: z.object({ id: z.number().int().positive() }), output: none },
    /** the native "open dataset" dialog (desktop only; browser mode types a path): a file or folder, or null */
    'dialog.openDataset': { input: z.object({ folder: z.boolean() }), output: z.string().nullable() },
    /** the native save dialog for a run's export (desktop only; browser mode types a path): the file or folder, or null */
    'dialog.saveExport': { input: z.object({ format: ExportRun.shape.format, suggested: z.string().max(4096) }), output: z.string().nullable() },
    /** writes a run's trained model (its last checkpoint) as ONNX, PyTorch or NumPy weights; nothing half-written on failure */
    'export.run': { input: ExportRun, output: z.object({ path: z.string(), files: z.array(z.string()), notes: z.array(z.string()) }) },
    /** a run's snapshot steps and the layers they hold */
    'inspect.snapshots': { input: runId, output: InspectSnapshots },
    /** learned filters at a snapshot step: every filter layer, or one; unshared layers at a position */
    'inspect.filters': { input: runId.extend({ step: z.number().int().min(0), node: z.string().max(200).optional(),
      position: z.array(z.number().int().min(0)).max(3).optional() }), output: z.array(FilterSetWire) },
    /** every layer's output for one input, with receptive fields (cached in the project for dataset samples) */
    'inspect.featureMaps': { input: runId.extend({ input: InspectInput }), output: FeatureMapsWire },
    /** the input that most excites a channel of a layer (cached in the project) */
    'inspect.maximize': { input: runId.extend({ node: z.string().max(200), channel: z.number().int().min(0),
      steps: z.number().int().min(1).max(2000).optional(), seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }), output: MaximizeWire },
  },
  // main → renderer pushes; the runs issue adds progress and status events here
  events: {
    /** another project is open now (new, open, save as, from the menu or any window): reload its graph */
    'project.changed': ProjectInfo,
    /** a run's live state changed (throttled to 20 a second per run) */
    'run.progress': RunState,
    /** an import's progress (at most 10 a second) */
    'data.progress': DataProgress,
    /** an import finished: what it found and the spec to save */
    'data.imported': z.object({ importId: z.number(), summary: DataSummary, spec: DatasetSpecWire }),
    /** an import produced nothing: the file at fault and why, every file skipped, or cancelled */
    'data.failed': DataFailure.extend({ importId: z.number() }),
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
