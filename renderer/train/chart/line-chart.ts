// Draws one curve chart on a 2D canvas context: axes with nice ticks (linear or log y), a line per series
// (dashed for validation), a legend. Only what is visible is drawn (long curves are decimated per pixel
// column), so a full redraw stays well under a frame at 20 updates a second.

import { decimate } from './decimate.ts'
import { extent, formatNumber, linearTicks, logTicks, padRange, scaler, type Range } from './scale.ts'

export interface ChartSeries {
  label: string
  color: string
  dashed?: boolean
  /** a dot on every point (sparse series, such as one value per epoch) */
  markers?: boolean
  xs: ArrayLike<number>
  ys: ArrayLike<number>
}

export interface ChartSpec {
  width: number
  height: number
  series: ChartSeries[]
  xLabel: string
  logY?: boolean
  /** fixed y range (accuracy: 0…1); the data's own range otherwise */
  yRange?: Range
  colors: { text: string; grid: string }
}

/** the part of CanvasRenderingContext2D the chart uses */
export type ChartContext = Pick<CanvasRenderingContext2D,
  'clearRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fillText' | 'setLineDash' | 'save' | 'restore' | 'rect' | 'clip' | 'fillRect'>
  & { strokeStyle: unknown; fillStyle: unknown; lineWidth: number; font: string; textAlign: CanvasTextAlign; textBaseline: CanvasTextBaseline }

const M = { left: 44, right: 10, top: 22, bottom: 28 }

/** the plotted ranges of a chart; null when nothing can be drawn */
export function chartRanges(spec: ChartSpec): { x: Range; y: Range } | null {
  const log = spec.logY ?? false
  const xs: number[] = []
  const ys: number[] = []
  for (const s of spec.series) {
    // xs are sorted, so the ends of the points that have a value are the series' x range
    const first = finiteIndex(s.ys, 0, 1), last = finiteIndex(s.ys, s.ys.length - 1, -1)
    if (first >= 0) xs.push(s.xs[first], s.xs[last])
    const sy = spec.yRange ? null : extent(s.ys, log)
    if (sy) ys.push(sy.min, sy.max)
  }
  const x = extent(xs)
  const y = spec.yRange ?? extent(ys, log)
  if (!x || !y) return null
  return { x: padRange(x, false), y: padRange(y, log) }
}

/** the first index from `from` in direction `dir` whose value is a number, or -1 */
function finiteIndex(values: ArrayLike<number>, from: number, dir: 1 | -1): number {
  for (let i = from; i >= 0 && i < values.length; i += dir) if (Number.isFinite(values[i])) return i
  return -1
}

export function drawChart(ctx: ChartContext, spec: ChartSpec): void {
  const { width, height, colors } = spec
  ctx.clearRect(0, 0, width, height)
  ctx.font = '11px system-ui, sans-serif'
  ctx.fillStyle = colors.text
  const ranges = chartRanges(spec)
  if (!ranges) {
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillText('no data yet', width / 2, height / 2)
    return
  }
  const log = spec.logY ?? false
  const right = width - M.right, bottom = height - M.bottom
  const px = scaler(ranges.x, M.left, right)
  const py = scaler(ranges.y, bottom, M.top, log)

  // grid and tick labels
  ctx.lineWidth = 1
  ctx.strokeStyle = colors.grid
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const t of log ? logTicks(ranges.y) : linearTicks(ranges.y, 4)) {
    const y = Math.round(py(t)) + 0.5
    ctx.beginPath(); ctx.moveTo(M.left, y); ctx.lineTo(right, y); ctx.stroke()
    ctx.fillText(formatNumber(t), M.left - 4, y)
  }
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const t of linearTicks(ranges.x, 5)) {
    const x = Math.round(px(t)) + 0.5
    ctx.beginPath(); ctx.moveTo(x, M.top); ctx.lineTo(x, bottom); ctx.stroke()
    ctx.fillText(formatNumber(t), x, bottom + 4)
  }
  ctx.textAlign = 'right'
  ctx.fillText(spec.xLabel, right, bottom + 15)

  // the curves, clipped to the plot area (with room for a marker on its edge)
  ctx.save()
  ctx.beginPath(); ctx.rect(M.left - 3, M.top - 3, right - M.left + 6, bottom - M.top + 6); ctx.clip()
  ctx.lineWidth = 1.5
  for (const s of spec.series) {
    ctx.strokeStyle = s.color
    ctx.setLineDash(s.dashed ? [5, 3] : [])
    ctx.beginPath()
    let pen = false
    for (const i of decimate(s.xs, s.ys, px)) {
      const v = s.ys[i]
      if (log && v <= 0) { pen = false; continue }
      const x = px(s.xs[i]), y = py(v)
      if (pen) ctx.lineTo(x, y)
      else ctx.moveTo(x, y)
      pen = true
      if (s.markers) {
        ctx.fillStyle = s.color
        ctx.fillRect(x - 2.5, y - 2.5, 5, 5)
      }
    }
    ctx.stroke()
  }
  ctx.restore()
  ctx.setLineDash([])

  // legend along the top
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  let lx = M.left
  for (const s of spec.series) {
    ctx.strokeStyle = s.color
    ctx.setLineDash(s.dashed ? [4, 2] : [])
    ctx.beginPath(); ctx.moveTo(lx, 10); ctx.lineTo(lx + 14, 10); ctx.stroke()
    ctx.fillStyle = colors.text
    ctx.fillText(s.label, lx + 18, 10)
    lx += 26 + s.label.length * 6
  }
  ctx.setLineDash([])
}
