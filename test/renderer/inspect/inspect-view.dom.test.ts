// The Inspect view over a scripted API: it inspects the newest run, draws its filters at the newest
// snapshot, asks for another step when the slider moves and for an unshared layer's kernels at a chosen
// position, follows a run that gains an epoch, and shows feature maps per layer with shape and range.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import type { Api, Events, RunState } from '../../../preload/contract.ts'
import InspectView from '../../../renderer/inspect/InspectView.svelte'

const b64 = (values: number[]) => Buffer.from(Float32Array.from(values).buffer).toString('base64')
const group = (n: number) => ({ label: '', filters: 2, channels: 1, height: 1, width: 1, values: b64(Array.from({ length: 2 }, (_, i) => n + i)) })

function scriptedApi() {
  const calls: { name: string; arg: unknown }[] = []
  const listeners = new Map<string, (p: unknown) => void>()
  let steps = [{ step: 0, epoch: 0 }, { step: 10, epoch: 1 }]
  const answers: Record<string, (arg: never) => unknown> = {
    'runs.list': () => [{ id: 1, name: 'first' }, { id: 2, name: 'second', status: 'done' }],
    'inspect.snapshots': () => ({ steps, nodes: [{ node: 'c', op: 'conv', shape: [2, 1, 1, 1] }, { node: 'u', op: 'local', shape: [3, 3, 2, 1, 1, 1] }] }),
    'inspect.filters': ({ step, node, position }: { step: number; node?: string; position?: number[] }) => [
      { node: 'c', op: 'conv', rgb: false, position: null, positions: null, groups: [group(step)] },
      { node: 'u', op: 'local', rgb: false, position: position ?? [1, 1], positions: [3, 3], groups: [group(step)] },
    ].filter((s) => !node || s.node === node),
    'inspect.featureMaps': () => ({
      step: 10, label: 'seven',
      maps: [
        { node: 'input', op: 'input', shape: [1, 2, 2], min: 0, max: 1, values: b64([0, 1, 1, 0]), field: [[[0, 0], [1, 1]], [[0, 0], [1, 1]]] },
        { node: 'conv', op: 'conv', shape: [3, 1, 1], min: -2, max: 5, values: b64([-2, 0, 5]), field: [[[0, 1]], [[0, 1]]] },
        { node: 'fc', op: 'dense', shape: [10], min: 0, max: 9, values: b64([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), field: [] },
      ],
    }),
  }
  const api = {
    invoke: async (name: string, arg?: unknown) => {
      calls.push({ name, arg })
      return answers[name](arg as never)
    },
    on: (event: string, listener: (p: unknown) => void) => {
      listeners.set(event, listener)
      return () => listeners.delete(event)
    },
  } as unknown as Api
  const emit = <K extends keyof Events>(event: K, payload: Events[K]) => listeners.get(event)?.(payload)
  return { api, calls, emit, setSteps: (s: typeof steps) => (steps = s) }
}

const of = (calls: { name: string; arg: unknown }[], name: string) => calls.filter((c) => c.name === name).map((c) => c.arg)

describe('InspectView', () => {
  it('draws the newest run at its newest snapshot and follows the slider and an unshared position', async () => {
    const { api, calls } = scriptedApi()
    render(InspectView, { api })
    await waitFor(() => expect(screen.getByTestId('snapshot-at').textContent).toBe('step 10 · epoch 1'))
    expect((screen.getByRole('combobox', { name: 'Run to inspect' }) as HTMLSelectElement).value).toBe('2')
    expect(await screen.findByLabelText('c filters')).toBeTruthy()
    expect(of(calls, 'inspect.filters')).toContainEqual({ runId: 2, step: 10 })

    await fireEvent.input(screen.getByRole('slider', { name: 'Snapshot' }), { target: { value: '0' } })
    await waitFor(() => expect(screen.getByTestId('snapshot-at').textContent).toBe('step 0 · epoch 0'))
    expect(of(calls, 'inspect.filters')).toContainEqual({ runId: 2, step: 0 })

    await fireEvent.change(screen.getByLabelText('u position axis 1'), { target: { value: '2' } })
    await waitFor(() => expect(of(calls, 'inspect.filters')).toContainEqual({ runId: 2, step: 0, node: 'u', position: [2, 1] }))
  })

  it('refreshes when a run finishes an epoch, moving to its new snapshot', async () => {
    const { api, calls, emit, setSteps } = scriptedApi()
    render(InspectView, { api })
    await waitFor(() => expect(screen.getByTestId('snapshot-at').textContent).toBe('step 10 · epoch 1'))
    setSteps([{ step: 0, epoch: 0 }, { step: 10, epoch: 1 }, { step: 20, epoch: 2 }])
    emit('run.progress', { runId: 2, epoch: 2, status: 'running' } as RunState)
    await waitFor(() => expect(screen.getByTestId('snapshot-at').textContent).toBe('step 20 · epoch 2'))
    expect(of(calls, 'runs.list')).toHaveLength(2)
  })

  it('shows feature maps of a test sample per layer and channel with shape and range', async () => {
    const { api, calls } = scriptedApi()
    render(InspectView, { api })
    await waitFor(() => expect(screen.getByTestId('snapshot-at')).toBeTruthy())
    await fireEvent.click(screen.getByRole('tab', { name: 'Feature maps' }))
    await fireEvent.input(screen.getByLabelText('Sample index'), { target: { value: '4' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Show feature maps' }))
    await waitFor(() => expect(screen.getByLabelText('conv channel 2')).toBeTruthy())
    expect(of(calls, 'inspect.featureMaps')).toEqual([{ runId: 2, input: { kind: 'sample', split: 'test', index: 4 } }])
    expect(screen.getByText(/class seven/)).toBeTruthy()
    expect(document.querySelector('[data-node="conv"] h3')!.textContent).toContain('3×1×1 · range [-2.000, 5.000]')
    expect(screen.getAllByLabelText(/^fc channel/)).toHaveLength(1) // a flat output is one grid
  })
})
