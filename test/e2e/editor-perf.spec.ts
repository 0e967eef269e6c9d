// Benchmark, not a timing test: drags a layer across a 300-node graph in Chromium, zoomed in and with the
// whole graph fitted on screen, and reports the frame rate kept (as annotations and on stdout). It asserts
// only what must hold whatever the machine: the drag moved the layer, was saved, and undoes in one step.
import { expect, test, type Page } from '@playwright/test'
import { bigGraph } from '../renderer/editor/big-graph.ts'
import { exchange } from './socket-frames.ts'
import { serveUrl } from './serve-env.ts'

test.use({ viewport: { width: 1400, height: 900 } })

/** drags from a point along a wavy path for about 1.5 s; returns what the frames looked like */
async function measuredDrag(page: Page, start: { x: number; y: number }): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean }
    w.frames_ = []
    w.stop_ = false
    const tick = (t: number) => { w.frames_.push(t); if (!w.stop_) requestAnimationFrame(tick) }
    requestAnimationFrame(tick)
  })
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let i = 1; i <= 90; i++) {
    await page.mouse.move(start.x + i * 3, start.y + Math.sin(i / 8) * 60)
    await page.waitForTimeout(16)
  }
  await page.mouse.up()
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean }
    w.stop_ = true
    return w.frames_
  })
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b)
  const seconds = (frames.at(-1)! - frames[0]) / 1000
  const drawn = await page.locator('.svelte-flow__node').count()
  return `${drawn} of 300 layers drawn: ${((frames.length - 1) / seconds).toFixed(1)} frames/s over ${seconds.toFixed(2)} s; ` +
    `median frame ${gaps[gaps.length >> 1].toFixed(1)} ms, 95th percentile ${gaps[Math.floor(gaps.length * 0.95)].toFixed(1)} ms, worst ${gaps.at(-1)!.toFixed(1)} ms`
}

test('dragging a layer in a 300-node graph (frame rate reported)', async ({ page }, info) => {
  test.setTimeout(120_000)
  const graph = bigGraph(300)
  await exchange(page, [JSON.stringify({ id: 1, call: 'graph.save', arg: { spec: graph.spec, layout: graph.layout } })])
  await page.goto(serveUrl().href)
  const layer = page.locator('.svelte-flow__node[data-id="c30"]')
  await expect(page.locator('[data-total="params"]')).not.toHaveText('0')
  await expect(layer).toBeVisible()
  const before = await layer.evaluate((el) => getComputedStyle(el).transform)
  const report = (name: string, line: string) => {
    info.annotations.push({ type: `drag, ${name}`, description: line })
    console.log(`drag, ${name}: ${line}`)
  }

  // the whole graph on screen (fitted): every layer is drawn and moves with the viewport
  const fitted = (await layer.boundingBox())!
  report(`fitted (zoom ${(fitted.width / 176).toFixed(2)})`, await measuredDrag(page, { x: fitted.x + fitted.width / 2, y: fitted.y + fitted.height / 2 }))
  expect(await layer.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before)
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(layer).toHaveCSS('transform', before)

  // zoomed in around the layer (wheel at the pointer), as one would to work on it
  const at = (await layer.boundingBox())!
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2)
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300)
  await page.waitForTimeout(300)
  const box = (await layer.boundingBox())!
  report(`zoomed in (zoom ${(box.width / 176).toFixed(2)})`, await measuredDrag(page, { x: box.x + box.width / 2, y: box.y + 10 }))
  expect(await layer.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before)

  await exchange(page, [JSON.stringify({ id: 2, call: 'project.new' })])
})
