// WGSL for the sliding-window kernels: unfold (one thread per column entry, padding writes 0), fold (one
// thread per input value, gathering the column entries that read it, so no atomics are needed), and pooling
// forward (per output) and backward (per input value, visiting outputs in the CPU loop's order).
import type { WgslProgram } from './kernel.ts'
import type { PoolParams } from './pool.ts'
import type { UnfoldParams } from './unfold.ts'
import type { Window } from './window-geometry.ts'
import { sizeOf } from './strides.ts'

/** WGSL consts for a window's geometry (signed, since positions may fall in the padding) */
function geometry(w: Window): string {
  const names = ['D', 'H', 'W']
  const lines = names.flatMap((a, k) => [
    `const i${a}: i32 = ${w.in[k]}; const k${a}: i32 = ${w.kernel[k]}; const s${a}: i32 = ${w.stride[k]};`,
    `const d${a}: i32 = ${w.dilation[k]}; const p${a}: i32 = ${w.pad[k]}; const o${a}: i32 = ${w.out[k]};`,
  ])
  return `${lines.join('\n')}
const C: i32 = ${w.channels}; const K: i32 = ${sizeOf(w.kernel)}; const P: i32 = ${sizeOf(w.out)}; const V: i32 = ${sizeOf(w.in)};
fn inside(z: i32, n: i32) -> bool { return z >= 0 && z < n; }`
}

/** the columns index of (plane, kernel offset k, output position q) */
const colIndex = (p: UnfoldParams) => `fn colAt(plane: i32, k: i32, q: i32) -> i32 {
  let kk = ${p.flip ? 'K - 1 - k' : 'k'};
  return (plane / C) * ${p.layout.image} + ((plane % C) * K + kk) * ${p.layout.row} + q * ${p.layout.pos};
}`

export const unfoldWgsl = (p: UnfoldParams): WgslProgram => ({
  inputs: ['x'], outputs: ['cols'], invocations: p.planes * sizeOf(p.window.kernel) * sizeOf(p.window.out),
  header: `${geometry(p.window)}\n${colIndex(p)}`,
  body: `let j = i32(i); let q = j % P; let k = (j / P) % K; let plane = j / (P * K);
let zd = (q / (oW * oH)) * sD + (k / (kW * kH)) * dD - pD;
let zh = ((q / oW) % oH) * sH + ((k / kW) % kH) * dH - pH;
let zw = (q % oW) * sW + (k % kW) * dW - pW;
var v = 0.0;
if (inside(zd, iD) && inside(zh, iH) && inside(zw, iW)) { v = x[plane * V + (zd * iH + zh) * iW + zw]; }
cols[colAt(plane, k, q)] = v;`,
})

/**
 * WGSL looping over the outputs whose window covers input (zd, zh, zw), in increasing output order: kernel
 * offsets descend, so positions o = (z + pad − k·dilation) / stride ascend. `visit` sees o (flat) and k (flat).
 */
const coveringOutputs = (visit: string) => `for (var kd = kD - 1; kd >= 0; kd--) {
  let td = zd + pD - kd * dD; if (td < 0 || td % sD != 0 || td / sD >= oD) { continue; }
  for (var kh = kH - 1; kh >= 0; kh--) {
    let th = zh + pH - kh * dH; if (th < 0 || th % sH != 0 || th / sH >= oH) { continue; }
    for (var kw = kW - 1; kw >= 0; kw--) {
      let tw = zw + pW - kw * dW; if (tw < 0 || tw % sW != 0 || tw / sW >= oW) { continue; }
      let o = ((td / sD) * oH + th / sH) * oW + tw / sW; let k = (kd * kH + kh) * kW + kw;
      ${visit}
    }
  }
}`

const inputPosition = `let j = i32(i); let plane = j / V; let r = j % V;
let zw = r % iW; let zh = (r / iW) % iH; let zd = r / (iW * iH);`

export const foldWgsl = (p: UnfoldParams): WgslProgram => ({
  inputs: ['cols'], outputs: ['x'], invocations: p.planes * sizeOf(p.window.in),
  header: `${geometry(p.window)}\n${colIndex(p)}`,
  body: `${inputPosition}
var acc = 0.0;
${coveringOutputs('acc += cols[colAt(plane, k, o)];')}
x[i] = acc;`,
})

const lpTerm = (p: number, v: string) => (p === 2 ? `${v} * ${v}` : `powf(${v}, ${p.toExponential()})`)

export function poolWgsl({ window, mode, p, planes }: PoolParams): WgslProgram {
  const step = {
    max: 'if (first || v > best || is_nan(v)) { at = tap; best = v; } first = false;',
    avg: 'acc += v; cnt += 1.0;',
    lp: `acc += ${lpTerm(p, 'v')};`,
  }[mode]
  const finish = {
    max: 'y[i] = best; argmax[i] = at;',
    avg: 'y[i] = select(0.0, acc / cnt, cnt > 0.0);',
    lp: `y[i] = ${p === 2 ? 'sqrt(acc)' : `powf(acc, ${(1 / p).toExponential()})`};`,
  }[mode]
  return {
    inputs: ['x'], outputs: mode === 'max' ? ['y', 'argmax'] : ['y'], invocations: planes * sizeOf(window.out), header: geometry(window),
    body: `let j = i32(i); let plane = j / P; let q = j % P;
let bd = (q / (oW * oH)) * sD - pD; let bh = ((q / oW) % oH) * sH - pH; let bw = (q % oW) * sW - pW;
var first = true; var at = 0; var best = neg_inf(); var acc = 0.0; var cnt = 0.0;
for (var kd = 0; kd < kD; kd++) { let zd = bd + kd * dD; if (!inside(zd, iD)) { continue; }
  for (var kh = 0; kh < kH; kh++) { let zh = bh + kh * dH; if (!inside(zh, iH)) { continue; }
    for (var kw = 0; kw < kW; kw++) { let zw = bw + kw * dW; if (!inside(zw, iW)) { continue; }
      let tap = (zd * iH + zh) * iW + zw; let v = x[plane * V + tap];
      ${step}
    }
  }
}
${finish}`,
  }
}

/** taps of output position o that fall inside the input (avg pooling divides by it) */
const tapCount = `fn axisTaps(o: i32, s: i32, p: i32, d: i32, k: i32, n: i32) -> f32 {
  var c = 0.0; for (var t = 0; t < k; t++) { if (inside(o * s - p + t * d, n)) { c += 1.0; } } return c;
}
fn taps(o: i32) -> f32 {
  return axisTaps(o / (oW * oH), sD, pD, dD, kD, iD) * axisTaps((o / oW) % oH, sH, pH, dH, kH, iH) * axisTaps(o % oW, sW, pW, dW, kW, iW);
}`

export function poolGradWgsl({ window, mode, p, planes }: PoolParams): WgslProgram {
  const visit = {
    max: 'if (a[plane * P + o] == r) { acc += dy[plane * P + o]; }',
    avg: 'acc += dy[plane * P + o] / taps(o);',
    lp: `let yo = b[plane * P + o];
      if (yo != 0.0) { let xv = a[i]; acc += dy[plane * P + o] * powf(yo, ${(1 - p).toExponential()}) * ${p === 2 ? 'xv' : `powf(xv, ${(p - 1).toExponential()})`}; }`,
  }[mode]
  return {
    inputs: mode === 'max' ? ['dy', 'a'] : mode === 'avg' ? ['dy'] : ['dy', 'a', 'b'], outputs: ['dx'],
    invocations: planes * sizeOf(window.in), header: `${geometry(window)}\n${mode === 'avg' ? tapCount : ''}`,
    body: `${inputPosition}
var acc = 0.0;
${coveringOutputs(visit)}
dx[i] = acc;`,
  }
}
