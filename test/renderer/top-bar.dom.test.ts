// The top bar names the project and offers the project commands only where no native File menu does.
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import TopBar from '../../renderer/shell/TopBar.svelte'
import type { ProjectCommand } from '../../renderer/lib/project/shortcuts.ts'

describe('TopBar', () => {
  it('shows the project name as the heading, and "Opening…" before it is known', () => {
    const { rerender } = render(TopBar, { projectName: null })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opening…')
    rerender({ projectName: 'mnist-lenet' })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('mnist-lenet')
  })

  it('has no project buttons when a native menu owns the commands', () => {
    render(TopBar, { projectName: 'x' })
    expect(screen.queryByRole('navigation', { name: 'Project' })).toBeNull()
  })

  it('runs each project command from its button', async () => {
    const ran: ProjectCommand[] = []
    render(TopBar, { projectName: 'x', oncommand: (c: ProjectCommand) => void ran.push(c) })
    for (const name of ['New', 'Open…', 'Save', 'Save As…']) await fireEvent.click(screen.getByRole('button', { name }))
    expect(ran).toEqual(['new', 'open', 'save', 'saveAs'])
  })
})
