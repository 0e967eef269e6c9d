// WebAssembly text of the gemm kernel's second form, for C = A·Bᵀ with both operands read row by row along k
// (conv weight gradients, dense forward): no packing, just rows copied into kernel memory. Each DM×DN tile keeps
// DM·DN f32x4 partial dot products over k and sums their lanes at the end. Spliced into the module by gemm-wat.ts.
/** acc + x·y as WebAssembly text: fused with relaxed SIMD, else a multiply then an add */
export const madd = (fma: boolean, acc: string, x: string, y: string): string =>
  fma ? `(f32x4.relaxed_madd ${x} ${y} ${acc})` : `(f32x4.add ${acc} (f32x4.mul ${x} ${y}))`

/** rows of A per tile */
export const DM = 4
/** rows of B (columns of C) per tile */
export const DN = 2

const is = [...Array(DM).keys()]
const js = [...Array(DN).keys()]
const hsum = (v: string): string =>
  `(f32.add (f32.add (f32x4.extract_lane 0 ${v}) (f32x4.extract_lane 1 ${v})) (f32.add (f32x4.extract_lane 2 ${v}) (f32x4.extract_lane 3 ${v})))`

export function dotWat(fma: boolean): string {
  return `
  ;; one tile: C[DM×DN] (row stride ldc bytes) = A[DM rows] · B[DN rows]ᵀ over k4·4 floats (+ C when add);
  ;; rows lda / ldb bytes apart
  (func $dotTile (param $a i32) (param $b i32) (param $c i32) (param $k4 i32) (param $lda i32) (param $ldb i32)
      (param $ldc i32) (param $add i32)
    (local $x v128) ${js.map((j) => `(local $b${j} v128)`).join(' ')} ${is.map((i) => js.map((j) => `(local $s${i}${j} v128)`).join(' ')).join(' ')}
    ${is.map((i) => `(local $a${i} i32)`).join(' ')} ${js.map((j) => `(local $p${j} i32)`).join(' ')}
    ${is.map((i) => `(local.set $a${i} (i32.add (local.get $a) (i32.mul (local.get $lda) (i32.const ${i}))))`).join('\n    ')}
    ${js.map((j) => `(local.set $p${j} (i32.add (local.get $b) (i32.mul (local.get $ldb) (i32.const ${j}))))`).join('\n    ')}
    (loop $k
      ${js.map((j) => `(local.set $b${j} (v128.load (local.get $p${j})))`).join('\n      ')}
      ${is.map((i) => [`(local.set $x (v128.load (local.get $a${i})))`,
        ...js.map((j) => `(local.set $s${i}${j} ${madd(fma, `(local.get $s${i}${j})`, '(local.get $x)', `(local.get $b${j})`)})`)].join('\n      ')).join('\n      ')}
      ${[...is.map((i) => `$a${i}`), ...js.map((j) => `$p${j}`)].map((p) => `(local.set ${p} (i32.add (local.get ${p}) (i32.const 16)))`).join('\n      ')}
      (br_if $k (local.tee $k4 (i32.sub (local.get $k4) (i32.const 1)))))
    ${is.map((i) => js.map((j) => {
      const at = `(i32.add (local.get $c) (i32.const ${4 * j}))`
      return `(f32.store offset=${4 * j} (local.get $c) (f32.add ${hsum(`(local.get $s${i}${j})`)} (if (result f32) (local.get $add) (then (f32.load ${at})) (else (f32.const 0)))))`
    }).join('\n    ') + (i < DM - 1 ? '\n    (local.set $c (i32.add (local.get $c) (local.get $ldc)))' : '')).join('\n    ')})

  ;; a block: every DM-row strip of A against every DN-row strip of B (both padded to whole strips)
  (func (export "dots") (param $a i32) (param $b i32) (param $c i32) (param $mStrips i32) (param $nStrips i32)
      (param $k4 i32) (param $lda i32) (param $ldb i32) (param $ldc i32) (param $add i32)
    (local $j i32) (local $bj i32) (local $cj i32)
    (local.set $lda (i32.shl (local.get $lda) (i32.const 2)))
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (loop $il
      (local.set $bj (local.get $b))
      (local.set $cj (local.get $c))
      (local.set $j (local.get $nStrips))
      (loop $jl
        (call $dotTile (local.get $a) (local.get $bj) (local.get $cj) (local.get $k4) (local.get $lda) (local.get $ldb)
          (local.get $ldc) (local.get $add))
        (local.set $bj (i32.add (local.get $bj) (i32.mul (local.get $ldb) (i32.const ${DN}))))
        (local.set $cj (i32.add (local.get $cj) (i32.const ${4 * DN})))
        (br_if $jl (local.tee $j (i32.sub (local.get $j) (i32.const 1)))))
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $lda) (i32.const ${DM}))))
      (local.set $c (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const ${DM}))))
      (br_if $il (local.tee $mStrips (i32.sub (local.get $mStrips) (i32.const 1))))))`
}
