// WGSL for batched matmul: 64×64 tiles of C per workgroup, staged through workgroup memory 16 deep along k,
// each of 256 threads keeping a 4×4 block in registers. Transposes only change how tiles are loaded.
// With strideC 0 and batch > 1 the items sum into one C, looped inside the workgroup (no atomics needed).
import type { WgslProgram } from './kernel.ts'
import type { MatmulParams } from './matmul.ts'

const T = 64, D = 16

/** element (row, col) of op(M): the index expression inside its buffer */
const at = (trans: boolean, rows: number, cols: number) => (r: string, c: string) => (trans ? `${c} * ${rows}u + ${r}` : `${r} * ${cols}u + ${c}`)

export function matmulWgsl(p: MatmulParams): WgslProgram {
  const { batch, m, n, k } = p
  const transA = !!p.transA, transB = !!p.transB
  const strideA = p.strideA ?? m * k, strideB = p.strideB ?? k * n, strideC = p.strideC ?? m * n
  const sumItems = strideC === 0 && batch > 1
  const aAt = at(transA, m, k), bAt = at(transB, k, n)
  // tile loads walk memory-contiguously: along k for A unless transposed, along n for B unless transposed
  const aLoad = transA ? ['e % 64u', 'e / 64u'] : ['e / 16u', 'e % 16u']
  const bLoad = transB ? ['e / 16u', 'e % 16u'] : ['e % 64u', 'e / 64u']
  return {
    inputs: ['a', 'b'], outputs: ['c'], invocations: batch * m * n,
    grid: { size: [256, 1, 1], count: [Math.ceil(n / T), Math.ceil(m / T), sumItems ? 1 : batch] },
    header: `var<workgroup> ta: array<f32, ${T * D}>;
var<workgroup> tb: array<f32, ${T * D}>;`,
    body: `let row0 = wid.y * ${T}u; let col0 = wid.x * ${T}u;
let tx = li % 16u; let ty = li / 16u;
var acc: array<f32, 16>;
for (var q = 0u; q < 16u; q++) { acc[q] = 0.0; }
let items = ${sumItems ? `${batch}u` : '1u'};
for (var it = 0u; it < items; it++) {
  let item = ${sumItems ? 'it' : 'wid.z'};
  let oa = ${p.offsetA ?? 0}u + item * ${strideA}u; let ob = ${p.offsetB ?? 0}u + item * ${strideB}u;
  for (var k0 = 0u; k0 < ${k}u; k0 += ${D}u) {
    for (var s = 0u; s < 4u; s++) {
      let e = li + s * 256u;
      { let r = ${aLoad[0]}; let kk = ${aLoad[1]}; let gr = row0 + r; let gk = k0 + kk;
        ta[kk * ${T}u + r] = select(0.0, a[oa + ${aAt('gr', 'gk')}], gr < ${m}u && gk < ${k}u); }
      { let cc = ${bLoad[0]}; let kk = ${bLoad[1]}; let gc = col0 + cc; let gk = k0 + kk;
        tb[kk * ${T}u + cc] = select(0.0, b[ob + ${bAt('gk', 'gc')}], gc < ${n}u && gk < ${k}u); }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${D}u; kk++) {
      var av: array<f32, 4>; var bv: array<f32, 4>;
      for (var r = 0u; r < 4u; r++) { av[r] = ta[kk * ${T}u + ty + 16u * r]; bv[r] = tb[kk * ${T}u + tx + 16u * r]; }
      for (var r = 0u; r < 4u; r++) { for (var cc = 0u; cc < 4u; cc++) { acc[r * 4u + cc] = fma(av[r], bv[cc], acc[r * 4u + cc]); } }
    }
    workgroupBarrier();
  }
}
let oc = ${p.offsetC ?? 0}u + ${sumItems ? '0u' : `wid.z * ${strideC}u`};
for (var r = 0u; r < 4u; r++) {
  let gr = row0 + ty + 16u * r;
  for (var cc = 0u; cc < 4u; cc++) {
    let gc = col0 + tx + 16u * cc;
    if (gr < ${m}u && gc < ${n}u) {
      let o = oc + gr * ${n}u + gc;
      c[o] = ${p.accumulate ? 'c[o] + ' : ''}acc[r * 4u + cc];
    }
  }
}`,
  }
}
