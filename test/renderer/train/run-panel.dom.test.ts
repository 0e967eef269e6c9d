// The run panel against main's real handlers: defaults that can train at once (the built-in digits
// picked), a refused setting named next to its field with Train held back, and Train starting a run
// that the view then follows.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import RunPanel from '../../../renderer/train/RunPanel.svelte'
import { TrainState } from '../../../renderer/train/train-state.svelte.ts'
import { mlpSpec } from '../../main/services/runs/run-fixtures.ts'
import { localMain, nodeTypedArrays, type LocalMain } from './local-main.ts'

let restore: () => void
beforeAll(() => (restore = nodeTypedArrays()))
afterAll(() => restore())

describe('RunPanel', () => {
  let main: LocalMain | undefined
  let disconnect = () => {}
  afterEach(() => {
    disconnect()
    main?.dispose()
  })

  async function setup() {
    main = localMain()
    await main.api.invoke('graph.save', { spec: mlpSpec as never, layout: {} })
    const train = new TrainState(main.api)
    disconnect = train.connect()
    let flushed = 0
    render(RunPanel, { train, info: { version: '1', platform: 'linux', backends: [{ name: 'cpu' }] }, beforeStart: async () => void flushed++ })
    await waitFor(() => expect((screen.getByLabelText(/^Dataset/) as HTMLSelectElement).value).toBe('digits'))
    return { train, flushed: () => flushed }
  }

  it('starts with settings that train: the digits, a name, Adam, and no error', async () => {
    await setup()
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Run 1')
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('adam')
    expect(screen.queryByText(/a whole number/)).toBeNull()
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(false)
    expect((screen.getByRole('option', { name: /WebGPU/ }) as HTMLOptionElement).disabled).toBe(true)
  })

  it('names a refused setting next to its field and holds Train back until it is fixed', async () => {
    await setup()
    const epochs = screen.getByLabelText(/^Epochs/) as HTMLInputElement
    await fireEvent.input(epochs, { target: { value: '0' } })
    expect(screen.getByText('a whole number ≥ 1')).toBeTruthy()
    expect(epochs.getAttribute('aria-invalid')).toBe('true')
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true)
    await fireEvent.input(epochs, { target: { value: '1' } })
    expect(screen.queryByText('a whole number ≥ 1')).toBeNull()
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('flushes pending saves, then starts a run the view follows, and Stop ends it', async () => {
    const { train, flushed } = await setup()
    await fireEvent.change(screen.getByLabelText(/^Dataset/), { target: { value: 'shapes' } })
    await fireEvent.input(screen.getByLabelText(/^Epochs/), { target: { value: '1' } })
    await fireEvent.submit(screen.getByRole('form', { name: 'Run settings' }))
    await waitFor(() => expect(train.focus).not.toBeNull(), { timeout: 10_000 })
    expect(flushed()).toBe(1)
    expect(train.run(train.focus)).toMatchObject({ name: 'Run 1', hyper: { epochs: 1 } })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy(), { timeout: 10_000 })
    await fireEvent.click(screen.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(['stopped', 'done']).toContain(train.run(train.focus)?.status), { timeout: 30_000 })
  }, 60_000)
})
