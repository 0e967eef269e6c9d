// Packing for the blocked gemm: copies a block of op(A) or op(B) into the kernel's memory in the order the SIMD
// tile reads it. A goes into k-major strips of MR rows, zero-padded to whole strips; B stays row-major (a plain
// copy, usually one memcpy), since the tile reads NR consecutive floats of a B row at a time. The dot form
// (C = A·Bᵀ) takes plain rows of both, each zero-padded to whole f32x4 vectors.
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

/** the row stride for a packed B block of width w: w itself (so whole blocks copy in one go) unless w is a multiple
 *  of 64 floats, whose rows would fall into a few L1 sets and thrash; then 16 floats more. Columns past w in a
 *  strip read the next row, which only reaches C's padding. */
export function packedStrideB(w: number): number {
  return w % 64 === 0 ? w + 16 : w
}

/** rows p < kb and columns j < w of op(B) from `base`, into dst[at…] row-major with row stride ldb, then NR zeros
 *  (the last row's padding columns read them) */
export function packB(dst: Float32Array, at: number, b: Float32Array, base: number, rowB: number, colB: number, kb: number, w: number, ldb: number): void {
  if (colB === 1 && rowB === ldb) dst.set(b.subarray(base, base + kb * w), at)
  else if (colB === 1) for (let p = 0; p < kb; p++) dst.set(b.subarray(base + p * rowB, base + p * rowB + w), at + p * ldb)
  else {
    // transposed B: NR source rows read side by side, each packed row written as one contiguous run
    for (let j0 = 0; j0 < w; j0 += NR) {
      const cols = Math.min(NR, w - j0)
      for (let p = 0; p < kb; p++) {
        const row = at + p * ldb + j0, src = base + j0 * colB + p * rowB
        for (let j = 0; j < cols; j++) dst[row + j] = b[src + j * colB]
      }
    }
  }
  dst.fill(0, at + (kb - 1) * ldb + w, at + (kb - 1) * ldb + w + NR)
}

/** `rows` rows of `len` floats, `stride` apart from `base`, into dst[at…] `ld` apart, each zero-padded to ld */
export function copyRows(dst: Float32Array, at: number, src: Float32Array, base: number, stride: number, rows: number, len: number, ld: number): void {
  if (stride === len && ld === len) return dst.set(src.subarray(base, base + rows * len), at)
  for (let r = 0; r < rows; r++) {
    dst.set(src.subarray(base + r * stride, base + r * stride + len), at + r * ld)
    if (ld > len) dst.fill(0, at + r * ld + len, at + (r + 1) * ld)
  }
}
