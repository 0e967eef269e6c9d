// WGSL for reduce (sum or max over a set of axes) and argmax. An output that reduces many values gets a
// workgroup of 256 threads and a tree in workgroup memory; one that reduces few gets a thread. Max lets a
// NaN win, as the CPU loop does.
import type { WgslProgram } from './kernel.ts'
import { FLAT_GROUP, gridFor } from './wgsl-grid.ts'
import { contiguousStrides, sizeOf } from './strides.ts'

/** statements adding axis offsets of a flat index `v` (over `dims`) into `acc`, innermost axis first */
function decompose(v: string, acc: string, dims: number[], strides: number[]): string {
  if (!dims.length) return ''
  const steps = dims.map((d, k) => `{ let c = ${v}_rest % ${d}u; ${v}_rest = ${v}_rest / ${d}u; ${acc} += c * ${strides[k]}u; }`).reverse()
  return `var ${v}_rest = ${v};\n${steps.join('\n')}`
}

export function reduceWgsl(op: 'sum' | 'max', inShape: number[], axes: number[]): WgslProgram {
  const strides = contiguousStrides(inShape)
  const kept = inShape.map((_, d) => d).filter((d) => !axes.includes(d))
  const gone = inShape.map((_, d) => d).filter((d) => axes.includes(d))
  const outs = sizeOf(kept.map((d) => inShape[d])), n = sizeOf(gone.map((d) => inShape[d]))
  const header = `fn comb(m: f32, v: f32) -> f32 { return ${op === 'sum' ? 'm + v' : 'select(m, v, v > m || is_nan(v))'}; }
fn init() -> f32 { return ${op === 'sum' ? '0.0' : 'neg_inf()'}; }
fn baseOf(o: u32) -> u32 { var base = 0u; ${decompose('o', 'base', kept.map((d) => inShape[d]), kept.map((d) => strides[d]))} return base; }
fn offsetOf(j: u32) -> u32 { var off = 0u; ${decompose('j', 'off', gone.map((d) => inShape[d]), gone.map((d) => strides[d]))} return off; }`
  if (n < FLAT_GROUP) {
    return {
      inputs: ['x'], outputs: ['y'], invocations: outs, header,
      body: `let base = baseOf(i); var acc = init();
for (var j = 0u; j < ${n}u; j++) { acc = comb(acc, x[base + offsetOf(j)]); }
y[i] = acc;`,
    }
  }
  const count = gridFor(outs)
  return {
    inputs: ['x'], outputs: ['y'], invocations: outs, grid: { size: [FLAT_GROUP, 1, 1], count },
    header: `${header}\nvar<workgroup> part: array<f32, ${FLAT_GROUP}>;`,
    body: `let o = wid.y * ${count[0]}u + wid.x;
let live = o < ${outs}u;
var acc = init();
if (live) { let base = baseOf(o); for (var j = li; j < ${n}u; j += ${FLAT_GROUP}u) { acc = comb(acc, x[base + offsetOf(j)]); } }
part[li] = acc;
workgroupBarrier();
for (var s = ${FLAT_GROUP / 2}u; s > 0u; s = s >> 1u) {
  if (li < s) { part[li] = comb(part[li], part[li + s]); }
  workgroupBarrier();
}
if (live && li == 0u) { y[o] = part[0]; }`,
  }
}

/** first index of the largest value along the middle axis of [outer, n, inner] */
export const argmaxWgsl = (outer: number, n: number, inner: number): WgslProgram => ({
  inputs: ['x'], outputs: ['y'], invocations: outer * inner,
  body: `let o = i / ${inner}u; let k = i % ${inner}u; let b = o * ${n * inner}u + k;
var best = 0u; var bestVal = x[b];
for (var j = 1u; j < ${n}u; j++) { let v = x[b + j * ${inner}u]; if (v > bestVal) { best = j; bestVal = v; } }
y[i] = i32(best);`,
})
