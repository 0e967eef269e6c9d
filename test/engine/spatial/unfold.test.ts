import { describe, expect, it } from 'vitest'
import { fold } from '../../../engine/kernels/fold.ts'
import { unfold, type UnfoldParams } from '../../../engine/kernels/unfold.ts'
import { imageMajor, windowGeometry, type ColumnLayout, type WindowOptions } from '../../../engine/kernels/window-geometry.ts'
import { sizeOf } from '../../../engine/kernels/strides.ts'
import { seeded } from './numeric.ts'

/** every multi-index of `shape`, last axis fastest */
function* indices(shape: number[]): Generator<number[]> {
  const i = shape.map(() => 0)
  for (let n = 0; n < sizeOf(shape); n++) {
    yield [...i]
    for (let a = shape.length - 1; a >= 0 && ++i[a] === shape[a]; a--) i[a] = 0
  }
}
const flat = (i: number[], shape: number[]) => i.reduce((acc, v, a) => acc * shape[a] + v, 0)

/** im2col by its definition: column (n, c·K + k, o) = x[n, c, o·stride + k'·dilation − lo], k' = k or mirrored */
function naiveUnfold(x: number[], xShape: number[], kernel: number[], stride: number[], dilation: number[], lo: number[], out: number[], flip: boolean, layout: ColumnLayout) {
  const [n, c, ...spatial] = xShape
  const cols = new Float64Array(n * c * sizeOf(kernel) * sizeOf(out))
  for (const [b, ch, ...rest] of indices([n, c, ...kernel, ...out])) {
    const k = rest.slice(0, kernel.length), o = rest.slice(kernel.length)
    const read = k.map((kk, a) => o[a] * stride[a] + (flip ? kernel[a] - 1 - kk : kk) * dilation[a] - lo[a])
    const inside = read.every((v, a) => v >= 0 && v < spatial[a])
    cols[b * layout.image + (ch * sizeOf(kernel) + flat(k, kernel)) * layout.row + flat(o, out) * layout.pos] =
      inside ? x[flat([b, ch, ...read], xShape)] : 0
  }
  return cols
}

const cases: [string, number[], number[], WindowOptions, boolean][] = [
  ['1D same stride 2 dilation 2', [2, 3, 9], [3], { stride: [2], dilation: [2], padding: 'same' }, false],
  ['1D full, flipped', [1, 2, 5], [4], { padding: 'full' }, true],
  ['2D explicit padding stride 3×2', [2, 2, 7, 6], [3, 2], { stride: [3, 2], padding: [[2, 1], [0, 3]] }, false],
  ['2D stride 2×1, output twice as wide (rows copied as blocks)', [2, 1, 6, 3], [3, 3], { stride: [2, 1], padding: [[1, 1], [2, 3]] }, false],
  ['2D same dilation 2, flipped', [2, 1, 6, 7], [3, 3], { dilation: [2, 2], padding: 'same' }, true],
  ['3D same, stride 1 (rows copied as blocks)', [1, 2, 3, 4, 5], [3, 2, 3], { padding: 'same' }, false],
  ['3D same stride 2', [1, 2, 4, 5, 3], [2, 3, 2], { stride: [2, 1, 2], padding: 'same' }, false],
  ['3D valid dilation, flipped', [2, 1, 5, 4, 5], [2, 2, 3], { dilation: [2, 1, 2] }, true],
]

describe('unfold and fold', () => {
  for (const [name, xShape, kernel, opts, flip] of cases) {
    const g = windowGeometry('test', 'kernel', xShape, kernel, opts)
    const [n, c] = xShape, rows = c * sizeOf(kernel), positions = sizeOf(g.out)
    const layouts: [string, ColumnLayout][] = [
      ['image-major', imageMajor(g.window)],
      ['position-major', { image: 1, row: n, pos: rows * n }],
    ]
    for (const [layoutName, layout] of layouts) {
      const p: UnfoldParams = { window: g.window, flip, layout, planes: n * c }
      const rank = kernel.length
      const expectCols = () => naiveUnfold(x, xShape, kernel, g.window.stride.slice(3 - rank), g.window.dilation.slice(3 - rank),
        g.pads.map(([lo]) => lo), g.out, flip, layout)
      const x = seeded(sizeOf(xShape), 11)

      it(`${name}, ${layoutName}: unfold matches its definition`, () => {
        const cols = new Float64Array(n * rows * positions).fill(NaN) // every entry must be written
        unfold.cpu([Float64Array.from(x)], [cols], p)
        expect(Array.from(cols)).toEqual(Array.from(expectCols()))
      })

      it(`${name}, ${layoutName}: fold is unfold's adjoint, <unfold x, y> = <x, fold y>`, () => {
        const y = Float64Array.from(seeded(n * rows * positions, 12))
        const cols = expectCols(), back = new Float64Array(x.length).fill(NaN)
        fold.cpu([y], [back], p)
        const lhs = cols.reduce((acc, v, i) => acc + v * y[i], 0), rhs = x.reduce((acc, v, i) => acc + v * back[i], 0)
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-9 * Math.max(1, Math.abs(lhs)))
      })
    }
  }
})

describe('window geometry', () => {
  it('lifts 1D and 2D to 3D with unit leading axes', () => {
    const { window, pads, out } = windowGeometry('conv', 'kernel', [2, 3, 10], [3], { stride: [2], padding: 'same' })
    expect(out).toEqual([5])
    expect(pads).toEqual([[0, 1]])
    expect(window).toEqual({ channels: 3, in: [1, 1, 10], kernel: [1, 1, 3], stride: [1, 1, 2], dilation: [1, 1, 1], pad: [0, 0, 0], out: [1, 1, 5] })
  })

  it('rejects what cannot slide, naming the op', () => {
    expect(() => windowGeometry('conv', 'kernel', [1, 1, 4, 4], [2, 2], { stride: [0, 1] })).toThrow('conv: kernel 2×2, stride 0×1 and dilation 1×1 must be positive integers')
    expect(() => windowGeometry('conv', 'kernel', [1, 1, 4, 4], [2, 2], { padding: [[-1, 0], [0, 0]] })).toThrow('conv: padding [[-1,0],[0,0]] is negative')
    expect(() => windowGeometry('local', 'kernel', [1, 1, 4, 4, 4], [2, 2, 2], {}, 2)).toThrow('local: works on inputs with up to 2 spatial axes')
    expect(() => windowGeometry('conv', 'kernel', [1, 1, 4], [3], { dilation: [2] })).toThrow('conv: kernel 3 (dilated to 5) is larger than the input of length 4 with valid padding')
  })
})
