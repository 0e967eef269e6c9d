// Writes the WebAssembly text of the SIMD gemm kernel: C += A·B over packed panels, one MR×8 register tile at a time.
// Generated rather than hand-written because the micro-kernel is fully unrolled over its MR rows; build.ts assembles
// it with wabt into gemm-kernel.ts, so nothing is compiled at run time.

/** rows of the register tile; 6 rows × 2 vectors = 12 accumulators, 15 of the 16 xmm registers with B and A */
export const MR = 6
/** columns of the register tile: two f32x4 vectors */
export const NR = 8

const rows = [...Array(MR).keys()]
const lines = (f: (r: number) => string[]): string => rows.flatMap(f).join('\n      ')

export function gemmWat(): string {
  return `(module
  (memory (export "memory") 1)

  ;; one tile: C[MR×8] (row stride ldc bytes) += Apanel[kc×MR] · Bpanel[kc×8], both packed k-major
  (func $tile (param $a i32) (param $b i32) (param $c i32) (param $kc i32) (param $ldc i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    ${rows.map((r) => `(local $c${r}0 v128) (local $c${r}1 v128)`).join(' ')}
    (loop $k
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      ${lines((r) => [
        `(local.set $x (v128.load32_splat offset=${4 * r} (local.get $a)))`,
        `(local.set $c${r}0 (f32x4.add (local.get $c${r}0) (f32x4.mul (local.get $x) (local.get $b0))))`,
        `(local.set $c${r}1 (f32x4.add (local.get $c${r}1) (f32x4.mul (local.get $x) (local.get $b1))))`,
      ])}
      (local.set $a (i32.add (local.get $a) (i32.const ${4 * MR})))
      (local.set $b (i32.add (local.get $b) (i32.const ${4 * NR})))
      (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    ${lines((r) => [
      `(v128.store (local.get $c) (f32x4.add (v128.load (local.get $c)) (local.get $c${r}0)))`,
      `(v128.store offset=16 (local.get $c) (f32x4.add (v128.load offset=16 (local.get $c)) (local.get $c${r}1)))`,
      ...(r < MR - 1 ? ['(local.set $c (i32.add (local.get $c) (local.get $ldc)))'] : []),
    ])})

  ;; a block: every MR-row strip of A against every 8-column strip of B; C is padded to whole tiles.
  ;; B strips outermost so one B strip (kc×8) stays in L1 while the A block streams from L2.
  (func (export "block") (param $a i32) (param $b i32) (param $c i32)
      (param $mStrips i32) (param $nStrips i32) (param $kc i32) (param $ldc i32)
    (local $i i32) (local $ai i32) (local $ci i32)
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (loop $jl
      (local.set $ai (local.get $a))
      (local.set $ci (local.get $c))
      (local.set $i (local.get $mStrips))
      (loop $il
        (call $tile (local.get $ai) (local.get $b) (local.get $ci) (local.get $kc) (local.get $ldc))
        (local.set $ai (i32.add (local.get $ai) (i32.mul (local.get $kc) (i32.const ${4 * MR}))))
        (local.set $ci (i32.add (local.get $ci) (i32.mul (local.get $ldc) (i32.const ${MR}))))
        (br_if $il (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
      (local.set $b (i32.add (local.get $b) (i32.mul (local.get $kc) (i32.const ${4 * NR}))))
      (local.set $c (i32.add (local.get $c) (i32.const ${4 * NR})))
      (br_if $jl (local.tee $nStrips (i32.sub (local.get $nStrips) (i32.const 1))))))
)
`
}
