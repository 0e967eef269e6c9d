// Elementwise primitives as table rows: unary y = f(x, a) with an optional scalar a, and binary
// z = f(x, y) with numpy broadcasting. Each row carries its CPU function and its WGSL expression,
// so adding a function is one line here. Gradients live with the ops (engine/ops/), not here.
import { defineKernel } from './kernel.ts'
import { coalesce, contiguousStrides, sizeOf, walkRuns } from './strides.ts'

type Arr = Float32Array | Float64Array | Int32Array
// a call through the table costs a few ns per element (the call site sees every row); the rows on a
// training step's hot path also carry the same math as a whole loop, which the JIT compiles inline
interface UnaryRow { f: (x: number, a: number) => number; wgsl: string; loop?: (x: Arr, y: Arr, a: number) => void }
interface BinaryRow { f: (x: number, y: number) => number; wgsl: string; loop?: (x: Arr, y: Arr, z: Arr) => void }

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))

export const unaryRows = {
  copy: { f: (x) => x, wgsl: 'x' },
  neg: { f: (x) => -x, wgsl: '-x' },
  exp: { f: Math.exp, wgsl: 'exp(x)' },
  log: { f: Math.log, wgsl: 'log(x)' },
  sqrt: { f: Math.sqrt, wgsl: 'sqrt(x)' },
  abs: { f: Math.abs, wgsl: 'abs(x)' },
  sign: { f: Math.sign, wgsl: 'sign(x)' },
  square: { f: (x) => x * x, wgsl: 'x * x' },
  reciprocal: { f: (x) => 1 / x, wgsl: '1.0 / x' },
  relu: {
    f: (x) => (x > 0 ? x : 0), wgsl: 'select(0.0, x, x > 0.0)',
    loop: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = x[i] > 0 ? x[i] : 0 },
  },
  sigmoid: { f: sigmoid, wgsl: '1.0 / (1.0 + exp(-x))' },
  tanh: { f: Math.tanh, wgsl: 'tanh(x)' },
  /** x for x > 0, a·x otherwise */
  leakyRelu: { f: (x, a) => (x > 0 ? x : a * x), wgsl: 'select(a * x, x, x > 0.0)' },
  /** the slope of leakyRelu: 1 for x > 0, a otherwise (a = 0 gives relu's) */
  leakySlope: { f: (x, a) => (x > 0 ? 1 : a), wgsl: 'select(a, 1.0, x > 0.0)' },
  addScalar: { f: (x, a) => x + a, wgsl: 'x + a' },
  mulScalar: {
    f: (x, a) => x * a, wgsl: 'x * a',
    loop: (x, y, a) => { for (let i = 0; i < y.length; i++) y[i] = x[i] * a },
  },
  /** a − x */
  rsubScalar: { f: (x, a) => a - x, wgsl: 'a - x' },
  /** a / x */
  rdivScalar: { f: (x, a) => a / x, wgsl: 'a / x' },
  powScalar: { f: (x, a) => x ** a, wgsl: 'powf(x, a)' },
  fill: { f: (_x, a) => a, wgsl: 'a' },
} satisfies Record<string, UnaryRow>

export const binaryRows = {
  add: {
    f: (x, y) => x + y, wgsl: 'x + y',
    loop: (x, y, z) => { for (let i = 0; i < z.length; i++) z[i] = x[i] + y[i] },
  },
  sub: { f: (x, y) => x - y, wgsl: 'x - y' },
  mul: {
    f: (x, y) => x * y, wgsl: 'x * y',
    loop: (x, y, z) => { for (let i = 0; i < z.length; i++) z[i] = x[i] * y[i] },
  },
  div: { f: (x, y) => x / y, wgsl: 'x / y' },
  max: { f: (x, y) => (x >= y ? x : y), wgsl: 'select(y, x, x >= y)' },
  min: { f: (x, y) => (x <= y ? x : y), wgsl: 'select(y, x, x <= y)' },
  pow: { f: (x, y) => x ** y, wgsl: 'powf(x, y)' },
  /** 1 where x equals y, else 0 */
  eq: { f: (x, y) => (x === y ? 1 : 0), wgsl: 'select(0.0, 1.0, x == y)' },
  /** x where y > 0, else 0 (relu's backward: dy masked by the input) */
  maskPositive: {
    f: (x, y) => (y > 0 ? x : 0), wgsl: 'select(0.0, x, y > 0.0)',
    loop: (x, y, z) => { for (let i = 0; i < z.length; i++) z[i] = y[i] > 0 ? x[i] : 0 },
  },
} satisfies Record<string, BinaryRow>

export type UnaryOp = keyof typeof unaryRows
export type BinaryOp = keyof typeof binaryRows

export const unary = defineKernel<{ op: UnaryOp; a?: number }>({
  name: 'unary',
  cpu([x], [y], { op, a = 0 }) {
    const row: UnaryRow = unaryRows[op]
    if (row.loop) return row.loop(x, y, a)
    const f = row.f
    for (let i = 0; i < y.length; i++) y[i] = f(x[i], a)
  },
  wgsl: ({ op, a = 0 }, { outputs: [n] }) => ({
    inputs: ['bx'], outputs: ['by'], invocations: n, uniforms: { a: ['f32', a] },
    body: `let x = f32(bx[i]); let a = u.a; by[i] = by_t(${unaryRows[op].wgsl});`,
  }),
})

export interface BinaryParams {
  op: BinaryOp
  outShape: number[]
  /** strides of each operand in the output's index space (0 on broadcast axes) */
  strideX: number[]
  strideY: number[]
}

export const binary = defineKernel<BinaryParams>({
  name: 'binary',
  cpu([x, y], [z], { op, outShape, strideX, strideY }) {
    const row: BinaryRow = binaryRows[op], f = row.f
    if (sizeOf(outShape) !== z.length) throw new Error('binary: output size does not match its shape')
    if (x.length === z.length && y.length === z.length) {
      if (row.loop) return row.loop(x, y, z)
      for (let i = 0; i < z.length; i++) z[i] = f(x[i], y[i])
      return
    }
    walkRuns(outShape, [contiguousStrides(outShape), strideX, strideY], (_, [o, ox, oy], n, [, sx, sy]) => {
      if (op === 'add' && sx === 1 && sy === 0) {
        const v = y[oy] // a bias added along a run: the hottest broadcast
        for (let j = 0; j < n; j++) z[o + j] = x[ox + j] + v
      } else if (sy === 0) {
        const v = y[oy]
        for (let j = 0; j < n; j++) z[o + j] = f(x[ox + j * sx], v)
      } else if (sx === 0) {
        const v = x[ox]
        for (let j = 0; j < n; j++) z[o + j] = f(v, y[oy + j * sy])
      } else for (let j = 0; j < n; j++) z[o + j] = f(x[ox + j * sx], y[oy + j * sy])
    })
  },
  wgsl({ op, outShape, strideX, strideY }) {
    // each invocation finds its operands' offsets from its output index, over the coalesced axes
    const { shape, strides: [, sx, sy] } = coalesce(outShape, [contiguousStrides(outShape), strideX, strideY])
    const steps = shape.map((d, k) => `{ let c = r % ${d}u; r = r / ${d}u; ox += c * ${sx[k]}u; oy += c * ${sy[k]}u; }`).reverse()
    return {
      inputs: ['bx', 'by'], outputs: ['bz'], invocations: sizeOf(outShape),
      body: `var r = i; var ox = 0u; var oy = 0u;\n${steps.join('\n')}
let x = f32(bx[ox]); let y = f32(by[oy]); bz[i] = bz_t(${binaryRows[op].wgsl});`,
    }
  },
})
