// Undo and redo as two stacks of whole documents. Documents are immutable and share unchanged nodes,
// so a step costs one array of references, and undo gives back exactly the graph that was there.
// Steps with the same coalesce key in a row (arrow-key nudges of one selection) merge into one.

export class History<T> {
  private past: { doc: T; key: string | null }[] = []
  private future: T[] = []
  private lastKey: string | null = null

  constructor(private doc: T, private readonly limit = 500) {}

  get current(): T { return this.doc }
  get canUndo(): boolean { return this.past.length > 0 }
  get canRedo(): boolean { return this.future.length > 0 }

  /** records an edit; a step whose key repeats the previous step's key replaces it instead */
  push(next: T, coalesceKey: string | null = null): void {
    if (next === this.doc) return
    if (coalesceKey === null || coalesceKey !== this.lastKey) {
      this.past.push({ doc: this.doc, key: coalesceKey })
      if (this.past.length > this.limit) this.past.shift()
    }
    this.doc = next
    this.future = []
    this.lastKey = coalesceKey
  }

  undo(): T | null {
    const step = this.past.pop()
    if (!step) return null
    this.future.push(this.doc)
    this.doc = step.doc
    this.lastKey = null
    return this.doc
  }

  redo(): T | null {
    const next = this.future.pop()
    if (next === undefined) return null
    this.past.push({ doc: this.doc, key: null })
    this.doc = next
    this.lastKey = null
    return this.doc
  }

  /** starts over from a document (a project just opened): nothing to undo */
  reset(doc: T): void {
    this.doc = doc
    this.past = []
    this.future = []
    this.lastKey = null
  }
}
