// Saving the graph into the project: an edit schedules a save, and edits that follow within the delay
// fold into it, so a drag or a burst of typing writes once. One save runs at a time; a save asked for
// while one runs goes out after it with the newest document. Also reading a stored graph back.
import type { EditorDoc } from './doc.ts'
import { readLayout } from './doc.ts'
import { layeredLayout } from './layout.ts'
import type { ModelSpec } from '../../engine/graph/index.ts'

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed'

export class Autosave {
  #timer: ReturnType<typeof setTimeout> | null = null
  #next: EditorDoc | null = null
  #running: Promise<void> | null = null

  constructor(
    private readonly save: (doc: EditorDoc) => Promise<unknown>,
    private readonly onstate: (state: SaveState, error?: string) => void,
    private readonly delayMs = 500,
  ) {}

  schedule(doc: EditorDoc): void {
    this.#next = doc
    this.onstate('unsaved')
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.flush(), this.delayMs)
  }

  /** saves what is pending now; resolves when nothing is left to save */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    while (this.#running) await this.#running
    const doc = this.#next
    if (!doc) return
    this.#next = null
    this.onstate('saving')
    this.#running = this.save(doc).then(
      () => this.onstate(this.#next ? 'unsaved' : 'saved'),
      (err: Error) => {
        this.#next ??= doc // try again with the next edit
        this.onstate('failed', err.message)
      },
    ).finally(() => (this.#running = null))
    await this.#running
  }

  /** forgets a pending save (the project was switched: it must not land in the new one) */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#next = null
  }
}

/** a stored graph as a document; nodes without a stored position are laid out, positions of no node dropped */
export function docFromStored(spec: ModelSpec, rawLayout: unknown): EditorDoc {
  const stored = readLayout(rawLayout)
  const missing = spec.nodes.some((n) => !stored[n.id])
  const auto = missing ? layeredLayout(spec) : {}
  return { spec, layout: Object.fromEntries(spec.nodes.map((n) => [n.id, stored[n.id] ?? auto[n.id]])) }
}
