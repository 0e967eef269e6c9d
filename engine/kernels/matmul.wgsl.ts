// WGSL for batched matmul: 64×64 tiles of C per workgroup, staged through workgroup memory 16 deep along k,
// each of 256 threads keeping a 4×4 block in registers. Transposes only change how tiles are loaded.
// With strideC 0 and batch > 1 the items sum into one C, looped inside the workgroup (no atomics needed).
// Sizes, strides and offsets are uniforms, so one compiled shader serves every shape (compiling is slow).
import type { WgslProgram } from './kernel.ts'
import type { MatmulParams } from './matmul.ts'

const T = 64, D = 16

/** element (row, col) of op(M): the index expression inside its buffer */
const at = (trans: boolean, rows: string, cols: string) => (r: string, c: string) => (trans ? `${c} * ${rows} + ${r}` : `${r} * ${cols} + ${c}`)

export function matmulWgsl(p: MatmulParams): WgslProgram {
  const { batch, m, n, k } = p
  const transA = !!p.transA, transB = !!p.transB
  const strideA = p.strideA ?? m * k, strideB = p.strideB ?? k * n, strideC = p.strideC ?? m * n
  const sumItems = strideC === 0 && batch > 1
  const aAt = at(transA, 'u.m', 'u.k'), bAt = at(transB, 'u.k', 'u.n')
  const u32 = (v: number): ['u32', number] => ['u32', v]
  // tile loads walk memory-contiguously: along k for A unless transposed, along n for B unless transposed
  const aLoad = transA ? ['e % 64u', 'e / 64u'] : ['e / 16u', 'e % 16u']
  const bLoad = transB ? ['e / 16u', 'e % 16u'] : ['e % 64u', 'e / 64u']
  return {
    inputs: ['a', 'b'], outputs: ['c'], invocations: batch * m * n,
    uniforms: {
      m: u32(m), n: u32(n), k: u32(k), batch: u32(batch), strideA: u32(strideA), strideB: u32(strideB), strideC: u32(strideC),
      offsetA: u32(p.offsetA ?? 0), offsetB: u32(p.offsetB ?? 0), offsetC: u32(p.offsetC ?? 0),
    },
    grid: { size: [256, 1, 1], count: [Math.ceil(n / T), Math.ceil(m / T), sumItems ? 1 : batch] },
    header: `var<workgroup> ta: array<f32, ${T * D}>;
var<workgroup> tb: array<f32, ${T * D}>;`,
    body: `let row0 = wid.y * ${T}u; let col0 = wid.x * ${T}u;
let tx = li % 16u; let ty = li / 16u;
var acc: array<f32, 16>;
for (var q = 0u; q < 16u; q++) { acc[q] = 0.0; }
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
      var av: array<f32, 4>; var bv: array<f32, 4>;
      for (var r = 0u; r < 4u; r++) { av[r] = ta[kk * ${T}u + ty + 16u * r]; bv[r] = tb[kk * ${T}u + tx + 16u * r]; }
      for (var r = 0u; r < 4u; r++) { for (var cc = 0u; cc < 4u; cc++) { acc[r * 4u + cc] = fma(av[r], bv[cc], acc[r * 4u + cc]); } }
    }
    workgroupBarrier();
  }
}
let oc = u.offsetC + ${sumItems ? '0u' : 'wid.z * u.strideC'};
for (var r = 0u; r < 4u; r++) {
  let gr = row0 + ty + 16u * r;
  for (var cc = 0u; cc < 4u; cc++) {
    let gc = col0 + tx + 16u * cc;
    if (gr < u.m && gc < u.n) {
      let o = oc + gr * u.n + gc;
      c[o] = ${p.accumulate ? 'c[o] + ' : ''}acc[r * 4u + cc];
    }
  }
}`,
  }
}
