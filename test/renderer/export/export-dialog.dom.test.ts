// The Export dialog against main's real handlers and export service, over a project holding a run with a
// checkpoint (test/main/services/export-project.ts): the ONNX file and the PyTorch folder are written
// where the path says, the files are listed; a run without weights and a missing folder are refused in
// the dialog; browser mode has no native dialog button.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import ExportDialog from '../../../renderer/export/ExportDialog.svelte'
import { exportProject, type ExportProject } from '../../main/services/export-project.ts'
import { tempProjects, type TempProjects } from '../../main/temp-projects.ts'
import { handlersApi } from '../handlers-api.ts'

describe('ExportDialog', { timeout: 60_000 }, () => {
  let project: ExportProject | undefined
  let temp: TempProjects | undefined
  afterEach(() => {
    temp?.dispose()
    project?.dispose()
  })

  async function open() {
    project = await exportProject()
    temp = tempProjects(project.path)
    return handlersApi({ projects: temp.projects })
  }

  const until = async (test: () => boolean) => {
    const end = Date.now() + 30_000
    while (!test()) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  it('writes the ONNX file and the PyTorch folder where the path says, and lists the files', async () => {
    const api = await open()
    let closed = false
    render(ExportDialog, { api, run: { id: project!.trained, name: 'lenet run' }, onclose: () => (closed = true) })
    const path = screen.getByRole('textbox') as HTMLInputElement
    expect(path.value).toBe('lenet-run.onnx')
    expect(screen.queryByRole('button', { name: 'Choose…' })).toBeNull()
    const onnx = join(project!.dir, 'lenet.onnx')
    await fireEvent.input(path, { target: { value: onnx } })
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    await until(() => screen.queryByRole('status') !== null)
    expect(screen.getByRole('status').textContent).toContain(`Written to ${onnx}: lenet.onnx`)
    expect(existsSync(onnx)).toBe(true)

    await fireEvent.click(screen.getByRole('radio', { name: /PyTorch folder/ }))
    expect(path.value).toBe(join(project!.dir, 'lenet-pytorch'))
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    await until(() => screen.queryByRole('status') !== null)
    expect(readdirSync(join(project!.dir, 'lenet-pytorch')).sort()).toEqual(['README.md', 'model.py', 'weights.npz'])
    expect(screen.getByRole('status').textContent).toContain('model.py')
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(closed).toBe(true)
  })

  it('shows why an export is refused: no trained weights, or no such folder', async () => {
    const api = await open()
    render(ExportDialog, { api, run: { id: project!.untrained, name: 'fresh' }, onclose: () => undefined })
    await fireEvent.input(screen.getByRole('textbox'), { target: { value: join(project!.dir, 'fresh.onnx') } })
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    await until(() => screen.queryByRole('alert') !== null)
    expect(screen.getByRole('alert').textContent).toMatch(/has no trained weights yet/)
    expect(existsSync(join(project!.dir, 'fresh.onnx'))).toBe(false)
  })

  it('offers the native save dialog where there is one', async () => {
    const api = await open()
    render(ExportDialog, { api, run: { id: project!.trained, name: 'lenet' }, nativeDialogs: true, onclose: () => undefined })
    await fireEvent.click(screen.getByRole('button', { name: 'Choose…' }))
    // these handlers have no native dialog (as in browser mode): the dialog says so instead of failing silently
    await until(() => screen.queryByRole('alert') !== null)
    expect(screen.getByRole('alert').textContent).toMatch(/no native dialog/)
  })
})
