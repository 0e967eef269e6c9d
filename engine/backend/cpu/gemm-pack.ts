// Packing for the blocked gemm: copies a block of op(A) or op(B) into the kernel's memory in the order the SIMD
// tile reads it (k-major strips of MR rows or NR columns), zero-padded to whole strips so the kernel has no edges.
// Strides make transposes free here: element (i, p) of op(A) is a[base + i·rowA + p·colA].
import { MR, NR } from './wasm/kernel-instance.ts'

/** rows i < mb and columns p < kb of op(A) from `base`, into dst[at…] as ceil(mb/MR) strips of kb×MR */
export function packA(dst: Float32Array, at: number, a: Float32Array, base: number, rowA: number, colA: number, mb: number, kb: number): void {
  for (let s = 0; s < mb; s += MR) {
    const rows = Math.min(MR, mb - s)
    for (let p = 0; p < kb; p++, at += MR) {
      let src = base + s * rowA + p * colA
      for (let r = 0; r < rows; r++, src += rowA) dst[at + r] = a[src]
      for (let r = rows; r < MR; r++) dst[at + r] = 0
    }
  }
}

/** rows p < kb and columns j < w of op(B) from `base`, into dst[at…] as ceil(w/NR) strips of kb×NR */
export function packB(dst: Float32Array, at: number, b: Float32Array, base: number, rowB: number, colB: number, kb: number, w: number): void {
  for (let s = 0; s < w; s += NR) {
    const cols = Math.min(NR, w - s)
    for (let p = 0; p < kb; p++, at += NR) {
      let src = base + p * rowB + s * colB
      for (let j = 0; j < cols; j++, src += colB) dst[at + j] = b[src]
      for (let j = cols; j < NR; j++) dst[at + j] = 0
    }
  }
}
