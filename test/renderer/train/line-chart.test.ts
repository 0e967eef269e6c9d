// drawChart against a recording 2D context: what is drawn where, without a browser canvas.
import { describe, expect, it } from 'vitest'
import { chartRanges, drawChart, type ChartContext, type ChartSpec } from '../../../renderer/train/chart/line-chart.ts'

interface Call { op: string; args: unknown[]; style?: unknown; dash?: number[] }

function recorder(): ChartContext & { calls: Call[] } {
  const calls: Call[] = []
  let dash: number[] = []
  const ctx = {
    calls, strokeStyle: '' as unknown, fillStyle: '' as unknown, lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'top',
    setLineDash: (d: number[]) => { dash = d },
  } as unknown as ChartContext & { calls: Call[] }
  for (const op of ['clearRect', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'fillText', 'save', 'restore', 'rect', 'clip', 'fillRect']) {
    (ctx as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => calls.push({ op, args, style: op === 'stroke' ? ctx.strokeStyle : ctx.fillStyle, dash })
  }
  return ctx
}

const base = (series: ChartSpec['series'], more: Partial<ChartSpec> = {}): ChartSpec =>
  ({ width: 300, height: 200, xLabel: 'step', series, colors: { text: '#000', grid: '#ccc' }, ...more })

describe('drawChart', () => {
  it('says so when there is nothing to draw', () => {
    const ctx = recorder()
    drawChart(ctx, base([{ label: 'train', color: 'red', xs: [], ys: [] }]))
    expect(ctx.calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])).toEqual(['no data yet'])
  })

  it('draws each series as a line across the plot, validation dashed with markers, and a legend', () => {
    const ctx = recorder()
    drawChart(ctx, base([
      { label: 'train', color: 'red', xs: [1, 2, 3], ys: [3, 2, 1] },
      { label: 'validation', color: 'red', dashed: true, markers: true, xs: [3], ys: [1.5] },
    ]))
    const texts = ctx.calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])
    expect(texts).toEqual(expect.arrayContaining(['train', 'validation', 'step']))
    // the train line: one moveTo and two lineTo from the left edge (x=1 → 44 px) to the right (x=3 → 290 px)
    const i = ctx.calls.findIndex((c) => c.op === 'moveTo' && c.args[0] === 44 && c.args[1] === 22)
    expect(ctx.calls.slice(i, i + 3).map((c) => [c.op, ...c.args])).toEqual([['moveTo', 44, 22], ['lineTo', 167, 97], ['lineTo', 290, 172]])
    const markers = ctx.calls.filter((c) => c.op === 'fillRect')
    expect(markers).toHaveLength(1)
    // y = 1.5 of the range 1…3 sits a quarter of the way up from the bottom (172 px) to the top (22 px)
    expect(markers[0].args).toEqual([290 - 2.5, 172 - 37.5 - 2.5, 5, 5])
    const strokes = ctx.calls.filter((c) => c.op === 'stroke' && c.style === 'red')
    expect(strokes.some((c) => c.dash?.length === 2)).toBe(true)
  })

  it('uses a fixed y range when given and drops non-positive values on a log axis', () => {
    expect(chartRanges(base([{ label: 'a', color: 'c', xs: [0, 10], ys: [0.2, 0.4] }], { yRange: { min: 0, max: 1 } })))
      .toEqual({ x: { min: 0, max: 10 }, y: { min: 0, max: 1 } })
    const ctx = recorder()
    drawChart(ctx, base([{ label: 'loss', color: 'blue', xs: [1, 2, 3], ys: [0, 10, 0.1] }], { logY: true }))
    // the 0 has no place on a log axis: the line starts at the second point (10 → top) and ends at 0.1 (bottom)
    const i = ctx.calls.findIndex((c) => c.op === 'moveTo' && c.args[0] === 167)
    expect(ctx.calls.slice(i, i + 2).map((c) => [c.op, ...c.args])).toEqual([['moveTo', 167, 22], ['lineTo', 290, 172]])
    const ticks = ctx.calls.filter((c) => c.op === 'fillText').map((c) => c.args[0])
    expect(ticks).toEqual(expect.arrayContaining(['0.1', '1', '10']))
  })
})
