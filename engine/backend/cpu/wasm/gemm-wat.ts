// Writes the WebAssembly text of the SIMD gemm kernel: C (+)= A·B over one block, one MR×NR register tile at a time.
// Generated rather than hand-written because the tile is fully unrolled; build.ts assembles it with wabt into
// gemm-kernel.ts, so nothing is compiled at run time. 4×8 measured fastest here (6×8 and 4×12 spill registers).
// With fma, products are added by relaxed SIMD's fused multiply-add (on in Chromium/Electron; behind a flag in Node 20).
import { dotWat, madd } from './dot-wat.ts'

/** rows of the register tile */
export const MR = 4
/** f32x4 vectors per tile row */
const NV = 2
/** columns of the register tile */
export const NR = 4 * NV

const rows = [...Array(MR).keys()]
const vecs = [...Array(NV).keys()]
const lines = (f: (r: number) => string[]): string => rows.flatMap(f).join('\n      ')

export function gemmWat({ fma = false } = {}): string {
  return `(module
  (memory (export "memory") 1)

  ;; one tile: C[MR×NR] (row stride ldc bytes) = A strip (packed k-major, MR per k) · B[kc×NR] (row stride ldb
  ;; bytes), plus C's old value when add is set (so the first k panel needs no zeroed C)
  (func $tile (param $a i32) (param $b i32) (param $c i32) (param $kc i32) (param $ldb i32) (param $ldc i32) (param $add i32)
    (local $x v128) ${vecs.map((v) => `(local $b${v} v128)`).join(' ')}
    ${rows.map((r) => vecs.map((v) => `(local $c${r}${v} v128)`).join(' ')).join(' ')}
    (loop $k
      ${vecs.map((v) => `(local.set $b${v} (v128.load offset=${16 * v} (local.get $b)))`).join('\n      ')}
      ${lines((r) => [
        `(local.set $x (v128.load32_splat offset=${4 * r} (local.get $a)))`,
        ...vecs.map((v) => `(local.set $c${r}${v} ${madd(fma, `(local.get $c${r}${v})`, '(local.get $x)', `(local.get $b${v})`)})`),
      ])}
      (local.set $a (i32.add (local.get $a) (i32.const ${4 * MR})))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (if (local.get $add) (then
      ${lines((r) => [
        ...vecs.map((v) => `(local.set $c${r}${v} (f32x4.add (local.get $c${r}${v}) (v128.load offset=${16 * v} (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const ${r}))))))`),
      ])}))
    ${lines((r) => [
      ...vecs.map((v) => `(v128.store offset=${16 * v} (local.get $c) (local.get $c${r}${v}))`),
      ...(r < MR - 1 ? ['(local.set $c (i32.add (local.get $c) (local.get $ldc)))'] : []),
    ])})

  ;; a block: every MR-row strip of A against every NR-column strip of B. Columns past the real width read
  ;; whatever follows in memory and land only in C's padding. B strips outermost: one (kc×NR) stays in L1.
  (func (export "block") (param $a i32) (param $b i32) (param $c i32)
      (param $mStrips i32) (param $nStrips i32) (param $kc i32) (param $ldb i32) (param $ldc i32) (param $add i32)
    (local $i i32) (local $ai i32) (local $ci i32)
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (loop $jl
      (local.set $ai (local.get $a))
      (local.set $ci (local.get $c))
      (local.set $i (local.get $mStrips))
      (loop $il
        (call $tile (local.get $ai) (local.get $b) (local.get $ci) (local.get $kc) (local.get $ldb) (local.get $ldc) (local.get $add))
        (local.set $ai (i32.add (local.get $ai) (i32.mul (local.get $kc) (i32.const ${4 * MR}))))
        (local.set $ci (i32.add (local.get $ci) (i32.mul (local.get $ldc) (i32.const ${MR}))))
        (br_if $il (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
      (local.set $b (i32.add (local.get $b) (i32.const ${4 * NR})))
      (local.set $c (i32.add (local.get $c) (i32.const ${4 * NR})))
      (br_if $jl (local.tee $nStrips (i32.sub (local.get $nStrips) (i32.const 1))))))
${dotWat(fma)}

  ;; packs rows of C from a stride of \`from\` floats to \`to\` (< from) in place, so whole rows copy out in one go
  (func (export "compact") (param $c i32) (param $rows i32) (param $from i32) (param $to i32)
    (local $src i32)
    (local.set $from (i32.shl (local.get $from) (i32.const 2)))
    (local.set $to (i32.shl (local.get $to) (i32.const 2)))
    (local.set $src (local.get $c))
    (block $done
      (loop $row
        (br_if $done (i32.le_s (local.tee $rows (i32.sub (local.get $rows) (i32.const 1))) (i32.const 0)))
        (local.set $src (i32.add (local.get $src) (local.get $from)))
        (local.set $c (i32.add (local.get $c) (local.get $to)))
        (memory.copy (local.get $c) (local.get $src) (local.get $to))
        (br $row))))
)
`
}
