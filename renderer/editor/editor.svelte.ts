// The editor's live state, shared by the palette, the canvas and the properties panel: the document and its
// undo history, the shape report (memoised on the spec, so moving nodes never re-infers), Svelte Flow's
// nodes and edges, the selection and the clipboard. Every edit goes through commit(), which records it.
import { getContext } from 'svelte'
import type { Connection, Edge, Node } from '@xyflow/svelte'
import { inferShapes, TEMPLATES, type NodeSpec, type OpName } from '../../engine/graph/index.ts'
import type { SaveState } from './autosave.ts'
import { copyFragment, pasteFragment, type Fragment } from './clipboard.ts'
import { addNode, connect, move, nudge, remove, setFields, setOutput, type Link } from './commands.ts'
import { connectionProblem } from './connect-check.ts'
import { emptyDoc, nodeById, type EditorDoc, type Layout, type Position } from './doc.ts'
import { fieldProblem } from './field-forms.ts'
import { toFlowEdges, toFlowNodes } from './flow-sync.ts'
import { History } from './history.ts'
import { COLUMN, layeredLayout } from './layout.ts'
import { freshId, inputRank, newNode } from './node-defaults.ts'

interface CommitOptions { select?: string[]; coalesce?: string }

export class Editor {
  readonly history: History<EditorDoc>
  doc = $state.raw<EditorDoc>(emptyDoc())
  #spec = $derived(this.doc.spec)
  /** shape inference of the current spec; recomputed only when the spec changes */
  report = $derived(inferShapes(this.#spec))
  flowNodes = $state.raw<Node[]>([])
  flowEdges = $state.raw<Edge[]>([])
  selectedNodes = $state.raw<string[]>([])
  selectedEdges = $state.raw<string[]>([])
  canUndo = $state(false)
  canRedo = $state(false)
  /** a passing message (why a connection was refused); the canvas shows it */
  notice = $state<string | null>(null)
  /** bumps on every change of the document: autosave watches it */
  revision = $state(0)
  /** bumps when the view should fit the graph (a template, a layout) */
  fitRequest = $state(0)
  /** whether the project holds the graph as shown */
  saveState = $state<SaveState>('saved')
  saveError = $state<string | null>(null)
  /** bumps when Ctrl/Cmd+F asks for the palette's search field */
  searchRequest = $state(0)
  #clipboard: Fragment | null = null
  #pastes = 0
  #refusal: string | null = null

  constructor(doc: EditorDoc = emptyDoc()) {
    this.history = new History(doc)
    this.#show(doc)
  }

  #show(doc: EditorDoc, select?: string[]): void {
    this.doc = doc
    this.flowNodes = toFlowNodes(doc, this.report, this.flowNodes, select)
    this.flowEdges = toFlowEdges(doc, this.report, this.flowEdges, select)
    this.selectedNodes = this.flowNodes.filter((n) => n.selected).map((n) => n.id)
    this.selectedEdges = this.flowEdges.filter((e) => e.selected).map((e) => e.id)
    this.canUndo = this.history.canUndo
    this.canRedo = this.history.canRedo
  }

  commit(next: EditorDoc, { select, coalesce }: CommitOptions = {}): void {
    if (next === this.doc) return
    this.history.push(next, coalesce ?? null)
    this.#show(next, select)
    this.revision++
  }

  /** a graph read from the project: replaces everything, with nothing to undo */
  load(doc: EditorDoc): void {
    this.history.reset(doc)
    this.flowNodes = []
    this.flowEdges = []
    this.#show(doc, [])
    this.fitRequest++
  }

  undo(): void { this.#step(this.history.undo()) }
  redo(): void { this.#step(this.history.redo()) }
  #step(doc: EditorDoc | null): void {
    if (!doc) return
    this.#show(doc)
    this.revision++
  }

  get selectedNode(): NodeSpec | null {
    return this.selectedNodes.length === 1 ? nodeById(this.doc, this.selectedNodes[0]) ?? null : null
  }

  /** adds a layer; without a position it goes after the selected layer and is connected to it when that fits */
  addLayer(op: OpName, at?: Position): string {
    const node = newNode(op, freshId(op, this.doc.spec.nodes.map((n) => n.id)), inputRank(this.doc.spec))
    const after = at ? null : this.selectedNode
    const position = at ?? (after ? this.#rightOf(after.id) : this.#afterEverything())
    let next = addNode(this.doc, node, position)
    if (after && connectionProblem(next.spec, inferShapes(next.spec), after.id, node.id) === null) {
      next = connect(next, { source: after.id, target: node.id })
    }
    this.commit(next, { select: [node.id] })
    return node.id
  }

  #rightOf(id: string): Position {
    const p = this.doc.layout[id] ?? { x: 0, y: 0 }
    return { x: p.x + COLUMN, y: p.y }
  }

  #afterEverything(): Position {
    const xs = Object.values(this.doc.layout)
    return xs.length ? { x: Math.max(...xs.map((p) => p.x)) + COLUMN, y: 0 } : { x: 0, y: 0 }
  }

  /** Svelte Flow's isValidConnection: remembers why the last refused connection was refused */
  canConnect = (c: Connection | Edge): boolean => {
    this.#refusal = connectionProblem(this.doc.spec, this.report, c.source, c.target)
    return this.#refusal === null
  }

  connect(link: Link): void {
    const problem = connectionProblem(this.doc.spec, this.report, link.source, link.target)
    if (problem) this.notice = `Cannot connect: ${problem}`
    else this.commit(connect(this.doc, link))
  }

  disconnect(link: Link): void { this.commit(remove(this.doc, [], [link])) }

  /** after a connection drag ends: says why it was refused, if it was */
  connectEnded(valid: boolean): void {
    if (!valid && this.#refusal) this.notice = `Cannot connect: ${this.#refusal}`
    this.#refusal = null
  }

  deleteSelection(): void {
    const links = this.flowEdges.filter((e) => e.selected).map((e) => ({ source: e.source, target: e.target }))
    if (!this.selectedNodes.length && !links.length) return
    this.commit(remove(this.doc, this.selectedNodes, links), { select: [] })
  }

  /** sets a field; returns why the value is refused, or null when it was applied */
  setField(id: string, name: string, value: unknown): string | null {
    const node = nodeById(this.doc, id)
    if (!node) return 'this layer no longer exists'
    const problem = fieldProblem(node.op, name, value)
    if (problem) return problem
    if (JSON.stringify((node as unknown as Record<string, unknown>)[name]) !== JSON.stringify(value)) {
      this.commit(setFields(this.doc, id, { [name]: value }))
    }
    return null
  }

  makeOutput(id: string): void { this.commit(setOutput(this.doc, id)) }

  /** Svelte Flow finished dragging these nodes: the move becomes one undoable step */
  moved(nodes: { id: string; position: Position }[]): void {
    const positions: Layout = {}
    for (const n of nodes) {
      const old = this.doc.layout[n.id]
      const at = { x: Math.round(n.position.x), y: Math.round(n.position.y) } // whole pixels keep the layout tidy
      if (!old || old.x !== at.x || old.y !== at.y) positions[n.id] = at
    }
    if (Object.keys(positions).length) this.commit(move(this.doc, positions))
  }

  nudgeSelection(dx: number, dy: number): void {
    if (!this.selectedNodes.length) return
    this.commit(nudge(this.doc, this.selectedNodes, dx, dy), { coalesce: `nudge:${this.selectedNodes.join(',')}` })
  }

  selectionChanged(nodes: { id: string }[], edges: { id: string }[]): void {
    this.selectedNodes = nodes.map((n) => n.id)
    this.selectedEdges = edges.map((e) => e.id)
  }

  select(ids: string[]): void { this.#show(this.doc, ids) }
  selectAll(): void { this.select(this.doc.spec.nodes.map((n) => n.id)) }

  copy(): void {
    if (!this.selectedNodes.length) return
    this.#clipboard = copyFragment(this.doc, this.selectedNodes)
    this.#pastes = 0
  }

  cut(): void {
    this.copy()
    this.deleteSelection()
  }

  paste(): void {
    if (!this.#clipboard) return
    const { doc, ids } = pasteFragment(this.doc, this.#clipboard, ++this.#pastes)
    this.commit(doc, { select: ids })
  }

  duplicate(): void {
    if (!this.selectedNodes.length) return
    const { doc, ids } = pasteFragment(this.doc, copyFragment(this.doc, this.selectedNodes))
    this.commit(doc, { select: ids })
  }

  /** replaces the graph with a template (undoable), laid out and fitted */
  useTemplate(key: string): void {
    const template = TEMPLATES[key]
    if (!template) return
    const spec = template.spec()
    this.commit({ spec, layout: layeredLayout(spec) }, { select: [] })
    this.fitRequest++
  }

  clear(): void { this.commit(emptyDoc(), { select: [] }) }

  autoLayout(): void {
    this.commit(move(this.doc, layeredLayout(this.doc.spec)))
    this.fitRequest++
  }
}

/** the context key of the editor (tests mount a component with their own: new Map([[editorKey, editor]])) */
export const editorKey = Symbol('receptive editor')
let shared: Editor | null = null

/** the editor of this window: the provided one, else one per page */
export function useEditor(): Editor {
  return getContext<Editor | undefined>(editorKey) ?? (shared ??= new Editor())
}
