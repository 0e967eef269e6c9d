// WGSL for batched matmul, three ways by shape. Large products: 64×64 tiles of C per workgroup, staged through
// workgroup memory 16 deep along k, each of 256 threads keeping a 4×4 block in four vec4 registers. Few outputs with a
// long sum (a convolution's weight gradient, summed over the batch): a workgroup per output and a tree. The
// rest (thin matrices, where a 64-wide tile would be mostly idle): a thread per output. With strideC 0 and
// batch > 1 the items sum into one C inside the sum (no atomics). Sizes, strides and offsets are uniforms,
// so one compiled shader serves every shape (compiling is slow).
import type { WgslProgram } from './kernel.ts'
import type { MatmulParams } from './matmul.ts'
import { FLAT_GROUP, gridFor } from './wgsl-grid.ts'

const T = 64, D = 16

/** element (row, col) of op(M): the index expression inside its buffer */
const at = (trans: boolean, rows: string, cols: string) => (r: string, c: string) => (trans ? `${c} * ${rows} + ${r}` : `${r} * ${cols} + ${c}`)

const u32 = (v: number): ['u32', number] => ['u32', v]

function uniforms(p: MatmulParams): WgslProgram['uniforms'] {
  const { batch, m, n, k } = p
  return {
    m: u32(m), n: u32(n), k: u32(k), batch: u32(batch),
    strideA: u32(p.strideA ?? m * k), strideB: u32(p.strideB ?? k * n), strideC: u32(p.strideC ?? m * n),
    offsetA: u32(p.offsetA ?? 0), offsetB: u32(p.offsetB ?? 0), offsetC: u32(p.offsetC ?? 0),
  }
}

/** at least this many multiply-adds, and both sides of C this long, for the tiled kernel */
const TILED_WORK = 1 << 20, TILED_SIDE = 32
/** sums at least this long, over at most this many outputs, get a workgroup each */
const LONG_SUM = 2048, FEW_OUTPUTS = 65535

export function matmulWgsl(p: MatmulParams): WgslProgram {
  const { batch, m, n, k } = p
  const sumItems = (p.strideC ?? m * n) === 0 && batch > 1
  const outputs = m * n * (sumItems ? 1 : batch), sum = k * (sumItems ? batch : 1)
  if (Math.min(m, n) >= TILED_SIDE && outputs * sum >= TILED_WORK) return tiled(p, sumItems)
  return sum >= LONG_SUM && outputs <= FEW_OUTPUTS ? perOutputGroup(p, sumItems, outputs) : perOutput(p, sumItems, outputs)
}

/** adds the dot product of output (first, row, col) into acc, over (item, q) flat from `from` by `step`; items summed when sumItems */
function dot(p: MatmulParams, sumItems: boolean, from: string, step: string): string {
  const aAt = at(!!p.transA, 'u.m', 'u.k'), bAt = at(!!p.transB, 'u.k', 'u.n')
  return `for (var j = ${from}; j < ${sumItems ? 'u.batch * u.k' : 'u.k'}; j += ${step}) {
  let item = ${sumItems ? 'j / u.k' : 'first'}; let q = ${sumItems ? 'j % u.k' : 'j'};
  acc = fma(a[u.offsetA + item * u.strideA + ${aAt('row', 'q')}], b[u.offsetB + item * u.strideB + ${bAt('q', 'col')}], acc);
}`
}

/** the same sum walked item by item with indices stepping along k, no division per term (one thread per output) */
function dotRuns(p: MatmulParams, sumItems: boolean): string {
  return `for (var it = 0u; it < ${sumItems ? 'u.batch' : '1u'}; it++) {
  let item = ${sumItems ? 'it' : 'first'};
  var ia = u.offsetA + item * u.strideA + ${p.transA ? 'row' : 'row * u.k'};
  var ib = u.offsetB + item * u.strideB + ${p.transB ? 'col * u.k' : 'col'};
  for (var q = 0u; q < u.k; q++) {
    acc = fma(a[ia], b[ib], acc);
    ia += ${p.transA ? 'u.m' : '1u'}; ib += ${p.transB ? '1u' : 'u.n'};
  }
}`
}

const store = (p: MatmulParams, sumItems: boolean) =>
  `let o = u.offsetC + ${sumItems ? '0u' : 'first * u.strideC'} + row * u.n + col;
c[o] = ${p.accumulate ? 'c[o] + ' : ''}acc;`

function perOutput(p: MatmulParams, sumItems: boolean, outputs: number): WgslProgram {
  return {
    inputs: ['a', 'b'], outputs: ['c'], invocations: outputs, uniforms: uniforms(p),
    body: `let col = i % u.n; let row = (i / u.n) % u.m; let first = i / (u.n * u.m);
var acc = 0.0;
${dotRuns(p, sumItems)}
${store(p, sumItems)}`,
  }
}

function perOutputGroup(p: MatmulParams, sumItems: boolean, outputs: number): WgslProgram {
  const count = gridFor(outputs)
  return {
    inputs: ['a', 'b'], outputs: ['c'], invocations: outputs, uniforms: uniforms(p),
    grid: { size: [FLAT_GROUP, 1, 1], count },
    header: `var<workgroup> part: array<f32, ${FLAT_GROUP}>;`,
    body: `let g = wid.y * ${count[0]}u + wid.x;
let live = g < ${outputs}u;
let o = select(0u, g, live);
let col = o % u.n; let row = (o / u.n) % u.m; let first = o / (u.n * u.m);
var acc = 0.0;
if (live) {
${dot(p, sumItems, 'li', `${FLAT_GROUP}u`)}
}
part[li] = acc;
workgroupBarrier();
for (var s = ${FLAT_GROUP / 2}u; s > 0u; s = s >> 1u) {
  if (li < s) { part[li] = part[li] + part[li + s]; }
  workgroupBarrier();
}
if (live && li == 0u) {
  acc = part[0];
  ${store(p, sumItems)}
}`,
  }
}

/** thread (tx, ty) holds C rows ty + 16r (its vector acc<r>) at columns tx + 16·lane */
const stores = (accumulate: boolean) => [0, 1, 2, 3].flatMap((r) => [0, 1, 2, 3].map((lane) =>
  `{ let gr = row0 + ty + ${16 * r}u; let gc = col0 + tx + ${16 * lane}u;
  if (gr < u.m && gc < u.n) { let o = oc + gr * u.n + gc; c[o] = ${accumulate ? 'c[o] + ' : ''}acc${r}[${lane}]; } }`)).join('\n')

function tiled(p: MatmulParams, sumItems: boolean): WgslProgram {
  const { batch, m, n } = p
  const transA = !!p.transA, transB = !!p.transB
  const aAt = at(transA, 'u.m', 'u.k'), bAt = at(transB, 'u.k', 'u.n')
  // tile loads walk memory-contiguously: along k for A unless transposed, along n for B unless transposed
  const aLoad = transA ? ['e % 64u', 'e / 64u'] : ['e / 16u', 'e % 16u']
  const bLoad = transB ? ['e / 16u', 'e % 16u'] : ['e % 64u', 'e / 64u']
  return {
    inputs: ['a', 'b'], outputs: ['c'], invocations: batch * m * n,
    uniforms: uniforms(p),
    grid: { size: [256, 1, 1], count: [Math.ceil(n / T), Math.ceil(m / T), sumItems ? 1 : batch] },
    header: `var<workgroup> ta: array<f32, ${T * D}>;
var<workgroup> tb: array<f32, ${T * D}>;`,
    body: `let row0 = wid.y * ${T}u; let col0 = wid.x * ${T}u;
let tx = li % 16u; let ty = li / 16u;
var acc0 = vec4f(0.0); var acc1 = vec4f(0.0); var acc2 = vec4f(0.0); var acc3 = vec4f(0.0);
let items = ${sumItems ? 'u.batch' : '1u'};
for (var it = 0u; it < items; it++) {
  let item = ${sumItems ? 'it' : 'wid.z'};
  let oa = u.offsetA + item * u.strideA; let ob = u.offsetB + item * u.strideB;
  for (var k0 = 0u; k0 < u.k; k0 += ${D}u) {
    for (var s = 0u; s < 4u; s++) {
      let e = li + s * 256u;
      { let r = ${aLoad[0]}; let kk = ${aLoad[1]}; let gr = row0 + r; let gk = k0 + kk;
        ta[kk * ${T}u + r] = select(0.0, a[oa + ${aAt('gr', 'gk')}], gr < u.m && gk < u.k); }
      { let cc = ${bLoad[0]}; let kk = ${bLoad[1]}; let gc = col0 + cc; let gk = k0 + kk;
        tb[kk * ${T}u + cc] = select(0.0, b[ob + ${bAt('gk', 'gc')}], gc < u.n && gk < u.k); }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${D}u; kk++) {
      let at = kk * ${T}u;
      let bv = vec4f(tb[at + tx], tb[at + tx + 16u], tb[at + tx + 32u], tb[at + tx + 48u]);
      acc0 = fma(vec4f(ta[at + ty]), bv, acc0); acc1 = fma(vec4f(ta[at + ty + 16u]), bv, acc1);
      acc2 = fma(vec4f(ta[at + ty + 32u]), bv, acc2); acc3 = fma(vec4f(ta[at + ty + 48u]), bv, acc3);
    }
    workgroupBarrier();
  }
}
let oc = u.offsetC + ${sumItems ? '0u' : 'wid.z * u.strideC'};
${stores(!!p.accumulate)}`,
  }
}
