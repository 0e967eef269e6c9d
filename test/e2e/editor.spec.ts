// The layer-graph editor in browser mode: build LeNet-5 from an empty canvas by dragging palette items
// and connecting ports, read the shapes on the edges and the parameter total, break a layer and read
// why, undo back to the exact graph, and get graph and layout back after reopening the project.
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { exchange } from './socket-frames.ts'
import { scratchDir, serveUrl } from './serve-env.ts'

test.use({ viewport: { width: 1400, height: 900 } })

const node = (page: Page, id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`)

async function drop(page: Page, layer: string, x: number, y: number) {
  const palette = page.getByRole('complementary', { name: 'Layer palette' })
  await palette.getByRole('button', { name: layer, exact: true }).dragTo(page.locator('.svelte-flow__pane'), { targetPosition: { x, y } })
}

async function connect(page: Page, from: string, to: string) {
  const a = (await node(page, from).locator('.svelte-flow__handle.source').boundingBox())!
  const b = (await node(page, to).locator('.svelte-flow__handle.target').boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 })
  await page.mouse.up()
}

async function set(page: Page, id: string, fields: Record<string, string>) {
  await node(page, id).click()
  const panel = page.getByRole('complementary', { name: 'Properties' })
  await expect(panel.getByText(id, { exact: true })).toBeVisible()
  for (const [label, value] of Object.entries(fields)) {
    const field = panel.getByLabel(label, { exact: true })
    await field.fill(value)
    await field.press('Enter')
  }
}

type Stored = { spec: unknown; layout: Record<string, { x: number; y: number }> }

/** the graph main holds, asked for from a second page (the editor's page keeps its state) */
async function storedGraph(page: Page): Promise<Stored> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved')
  const other = await page.context().newPage()
  const [reply] = (await exchange(other, [JSON.stringify({ id: 1, call: 'graph.get' })])) as { result: Stored }[]
  await other.close()
  return { spec: reply.result.spec, layout: reply.result.layout }
}

test('build LeNet-5 by hand, break a layer, undo, and reopen the project', async ({ page }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(serveUrl().href)
  await expect(page).toHaveTitle(/ — Receptive$/)
  await page.getByLabel('New graph from a template').selectOption('empty')
  await expect(page.locator('.svelte-flow__node')).toHaveCount(0)

  // classic LeNet-5 on 1×32×32 (no activations, as its parameter count is usually quoted): 61,706 parameters
  const layers: [string, string, number, number][] = [
    ['Input', 'input1', 130, 200], ['Convolution', 'conv1', 380, 200], ['Max pooling', 'pool1', 630, 200],
    ['Convolution', 'conv2', 130, 370], ['Max pooling', 'pool2', 380, 370], ['Flatten', 'flatten1', 630, 370],
    ['Dense', 'dense1', 130, 540], ['Dense', 'dense2', 380, 540], ['Dense', 'dense3', 630, 540],
  ]
  for (const [layer, id, x, y] of layers) {
    await drop(page, layer, x, y)
    await expect(node(page, id)).toBeVisible()
  }
  await set(page, 'input1', { Shape: '1×32×32' })
  for (let i = 1; i < layers.length; i++) await connect(page, layers[i - 1][1], layers[i][1])
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(8)
  await set(page, 'conv1', { Filters: '6', Kernel: '5' })
  await set(page, 'conv2', { Filters: '16', Kernel: '5×5' })
  await set(page, 'dense1', { Units: '120' })
  await set(page, 'dense2', { Units: '84' })

  const shapes: [string, string, string][] = [
    ['input1', 'conv1', '1×32×32'], ['conv1', 'pool1', '6×28×28'], ['pool1', 'conv2', '6×14×14'],
    ['conv2', 'pool2', '16×10×10'], ['pool2', 'flatten1', '16×5×5'], ['flatten1', 'dense1', '400'],
    ['dense1', 'dense2', '120'], ['dense2', 'dense3', '84'],
  ]
  for (const [a, b, shape] of shapes) {
    await expect(page.getByRole('group', { name: `Edge from ${a} to ${b}, shape ${shape}` })).toBeAttached()
    await expect(page.locator('.svelte-flow__edge-label', { hasText: new RegExp(`^${shape}$`) }).first()).toBeVisible()
  }
  await expect(page.locator('[data-total="params"]')).toHaveText('61,706')
  await expect(node(page, 'dense3')).toContainText('output')

  // a connection whose shapes do not fit is refused, and the canvas says why
  await drop(page, 'Dense', 860, 450)
  await expect(node(page, 'dense4')).toBeVisible()
  await connect(page, 'conv1', 'dense4')
  await expect(page.getByRole('status').filter({ hasText: 'Cannot connect' }))
    .toHaveText('Cannot connect: dense4: needs a flat input, but the input is 6×28×28; add a Flatten before it')
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(8)

  // shift-click adds to the selection; a shift-drag on the pane selects every layer in the box
  const panel = page.getByRole('complementary', { name: 'Properties' })
  await node(page, 'conv1').click()
  await node(page, 'pool1').click({ modifiers: ['Shift'] })
  await expect(panel).toContainText('2 layers selected')
  await page.locator('.svelte-flow__pane').click({ position: { x: 520, y: 650 } })
  await expect(panel).toContainText('Nothing selected')
  const first = (await node(page, 'input1').boundingBox())!
  const last = (await node(page, 'pool1').boundingBox())!
  await page.keyboard.down('Shift')
  await page.mouse.move(first.x - 20, first.y - 20)
  await page.mouse.down()
  await page.mouse.move(last.x + last.width + 20, last.y + last.height + 20, { steps: 10 })
  await page.mouse.up()
  await page.keyboard.up('Shift')
  await expect(panel).toContainText('3 layers selected')

  // an edit that does not fit: the layer turns red and says why; the layers after it lose their shapes
  const before = await storedGraph(page)
  await set(page, 'conv2', { Kernel: '15' })
  await expect(node(page, 'conv2').locator('.layer.bad')).toContainText('kernel 15×15 is larger than the 14×14 input with valid padding')
  await expect(page.getByRole('group', { name: 'Edge from conv2 to pool2, shape ?' })).toBeAttached()

  // undo (from the canvas, not the text field) restores exactly the graph before the edit
  await page.locator('.svelte-flow__pane').click({ position: { x: 520, y: 650 } })
  await page.keyboard.press('Control+z')
  await expect(node(page, 'conv2').locator('.layer.bad')).toHaveCount(0)
  await expect(page.locator('[data-total="params"]')).toHaveText('61,706')
  expect(await storedGraph(page)).toEqual(before)

  // a move is one undoable step too, and is saved with the layout
  const box = (await node(page, 'dense3').boundingBox())!
  await page.mouse.move(box.x + 40, box.y + 12)
  await page.mouse.down()
  await page.mouse.move(box.x + 40, box.y + 112, { steps: 8 })
  await page.mouse.up()
  const moved = await storedGraph(page)
  expect(moved.layout.dense3.y).toBeGreaterThan(before.layout.dense3.y + 50)

  // reopen: save as a file, start a new project, open the file again: graph and layout come back
  const file = join(scratchDir(), `editor-${Date.now()}.receptive`)
  const other = await page.context().newPage()
  await exchange(other, [
    JSON.stringify({ id: 1, call: 'project.saveAs', arg: { path: file } }),
    JSON.stringify({ id: 2, call: 'project.new' }),
  ])
  await expect(node(page, 'dense3')).toHaveCount(0)
  await exchange(other, [JSON.stringify({ id: 3, call: 'project.open', arg: { path: file } })])
  await other.close()
  await expect(page.locator('[data-total="params"]')).toHaveText('61,706')
  expect(await storedGraph(page)).toEqual(moved)
  await expect(page).toHaveTitle(`${file.split('/').pop()!.replace('.receptive', '')} — Receptive`)
  for (const [id, p] of Object.entries(moved.layout)) {
    await expect(node(page, id)).toHaveCSS('transform', `matrix(1, 0, 0, 1, ${p.x}, ${p.y})`)
  }

  expect(errors).toEqual([])

  // leave the server as the other specs expect it: an untitled project
  await exchange(page, [JSON.stringify({ id: 4, call: 'project.new' })])
})
