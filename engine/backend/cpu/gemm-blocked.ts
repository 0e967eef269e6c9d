// The fast float32 gemm body: Goto-style blocking (k panels of at most KC, MC-row blocks, NC-column blocks) around
// the WebAssembly SIMD kernel. C is gathered into the kernel's memory padded to whole tiles, accumulated there
// across the k panels (and across items that sum into one C), and copied back once. A·Bᵀ with A untransposed
// (weight gradients, dense forward) takes the dot form, which reads plain rows and needs no transposing pack.
// A part (items × columns) lets the thread pool split one call.
import type { GemmArgs } from './gemm.ts'
import { copyRows, packA, packB, packedStrideB } from './gemm-pack.ts'
import { DM, DN, KernelInstance, MR, NR } from './wasm/kernel-instance.ts'

const KC = 384 // a B strip (KC×NR) stays in L1 while A strips stream past it
const KC_DOT = 1024 // the dot form streams whole rows: longer panels, fewer C round trips
const DOT_MIN_K = 16
const MC = 64 // an A block (MC×KC, 96 KB) stays in L2
const C_FLOATS = 1 << 20 // the C region in kernel memory: at most 4 MB
const NC = 4096 // columns per block, which bounds the B panel (KC×NC, 6 MB)
const MC_DOT = 256 // rows of A and of B (NC_DOT) per block in the dot form: kernel memory stays bounded for any shape
const NC_DOT = 512
const A_KEEP = 1 << 20 // an A shared by every item (stride 0) up to this size is packed once per call

/** the share of one call that one thread computes: items [itemStart, itemEnd) × columns [colStart, colEnd) */
export interface GemmPart {
  itemStart: number
  itemEnd: number
  colStart: number
  colEnd: number
}

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to

export function gemmBlocked(kern: KernelInstance, g: GemmArgs, part: GemmPart): void {
  const { m, n, k } = g
  const a = g.a as Float32Array, b = g.b as Float32Array, c = g.c as Float32Array
  const strideA = g.strideA ?? m * k, strideB = g.strideB ?? k * n, strideC = g.strideC ?? m * n
  const [rowA, colA] = g.transA ? [1, m] : [k, 1]
  const [rowB, colB] = g.transB ? [1, k] : [n, 1]
  // the dot form pays a lane sum per C element and panel, so short k stays with the packed form
  const dot = !g.transA && !!g.transB && k >= DOT_MIN_K
  const mPad = roundUp(m, MR) // also whole DM strips: DM = MR
  const nc = Math.min(roundUp(part.colEnd - part.colStart, NR), dot ? NC_DOT : NC, Math.max(NR, Math.floor(C_FLOATS / mPad / NR) * NR))
  // equal panels: 288 = one panel of 288, not 256 + a thin 32 that pays the C load/store for little work
  const kc = Math.ceil(k / Math.max(1, Math.ceil(k / (dot ? KC_DOT : KC))))
  // kernel memory: [A packed or rows][B packed or rows][C region]
  const ldk = packedStrideB(roundUp(kc, 4)) // row length in the dot form: whole vectors, not an L1-aliasing stride
  const keepA = !dot && strideA === 0 && part.itemEnd - part.itemStart > 1 && mPad * k <= A_KEEP
  const aAt = 0, bAt = dot ? MC_DOT * ldk : keepA ? mPad * k : MC * kc
  const cReg = bAt + (dot ? roundUp(nc, DN) * ldk : kc * packedStrideB(nc) + NR)
  kern.reserve(cReg + mPad * nc)
  const f32 = kern.f32
  // items that sum into one C (stride 0) keep it in kernel memory from the first item to the last
  const sumItems = strideC === 0 && part.itemEnd - part.itemStart > 1
  for (let j0 = part.colStart; j0 < part.colEnd; j0 += nc) {
    const w = Math.min(nc, part.colEnd - j0), wPad = roundUp(w, NR), ldb = packedStrideB(w)
    const oc0 = (g.offsetC ?? 0) + part.itemStart * strideC
    const load = (oc: number) => { for (let i = 0; i < m; i++) f32.set(c.subarray(oc + i * n + j0, oc + i * n + j0 + w), cReg + i * wPad) }
    const store = (oc: number) => {
      if (w < n) for (let i = 0; i < m; i++) c.set(f32.subarray(cReg + i * wPad, cReg + i * wPad + w), oc + i * n + j0)
      else {
        // whole rows: close the padding in kernel memory, then one copy (a copy per row costs ~0.2 µs)
        if (wPad > w) kern.compact(cReg, m, wPad, w)
        c.set(f32.subarray(cReg, cReg + m * w), oc)
      }
    }
    if (sumItems && g.accumulate) load(oc0)
    for (let item = part.itemStart; item < part.itemEnd; item++) {
      const oa = (g.offsetA ?? 0) + item * strideA, ob = (g.offsetB ?? 0) + item * strideB, oc = (g.offsetC ?? 0) + item * strideC
      // whether the first k panel adds to C's old value: set when accumulating or when summing a later item
      const addFirst = sumItems ? !!g.accumulate || item > part.itemStart : !!g.accumulate
      if (addFirst && !sumItems) load(oc)
      if (k === 0 && !addFirst) f32.fill(0, cReg, cReg + mPad * wPad)
      for (let p0 = 0; p0 < k; p0 += kc) {
        const kb = Math.min(kc, k - p0), add = p0 > 0 || addFirst
        if (dot) {
          const ld = roundUp(kb, 4) === kb ? kb : ldk // whole rows stay one copy when they are whole vectors
          copyRows(f32, bAt, b, ob + p0 + j0 * colB, colB, w, kb, ld)
          for (let i0 = 0; i0 < m; i0 += MC_DOT) {
            const mb = Math.min(MC_DOT, m - i0)
            copyRows(f32, aAt, a, oa + i0 * rowA + p0, rowA, mb, kb, ld)
            kern.dots(aAt, bAt, cReg + i0 * wPad, Math.ceil(mb / DM), Math.ceil(w / DN), Math.ceil(kb / 4), ld, ld, wPad, add)
          }
          continue
        }
        packB(f32, bAt, b, ob + p0 * rowB + j0 * colB, rowB, colB, kb, w, ldb)
        for (let i0 = 0; i0 < m; i0 += MC) {
          const mb = Math.min(MC, m - i0)
          // a kept A lies panel after panel, block after block; it is packed with the first item
          const aBlock = keepA ? aAt + p0 * mPad + i0 * kb : aAt
          if (!keepA || (item === part.itemStart && j0 === part.colStart)) packA(f32, aBlock, a, oa + i0 * rowA + p0 * colA, rowA, colA, mb, kb)
          kern.block(aBlock, bAt, cReg + i0 * wPad, Math.ceil(mb / MR), wPad / NR, kb, ldb, wPad, add)
        }
      }
      if (!sumItems) store(oc)
    }
    if (sumItems) store(oc0)
  }
}
