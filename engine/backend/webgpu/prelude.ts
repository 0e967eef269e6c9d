// The WGSL prelude generator: wraps a kernel's body (engine/kernels/*.ts) into a whole compute shader, so
// kernels write only their computation. It declares the bindings under the kernel's names with the buffers'
// element types, the per-run uniforms, a few math helpers the CPU loops' semantics need, and main().
import type { DType } from '../backend.ts'
import type { WgslProgram } from '../../kernels/kernel.ts'
import { FLAT_GROUP, gridFor } from '../../kernels/wgsl-grid.ts'

// WGSL has no isnan (and compilers may fold v != v away), rejects infinity and NaN in constant expressions
// (so they come from a private variable's bits at run time), and its pow() is undefined for x < 0, where
// the CPU's x ** a is defined for integer a
const helpers = `
var<private> special_bits: vec2u = vec2u(0xff800000u, 0x7fc00000u);
fn neg_inf() -> f32 { return bitcast<f32>(special_bits.x); }
fn nan() -> f32 { return bitcast<f32>(special_bits.y); }
fn is_nan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
fn powf(x: f32, a: f32) -> f32 {
  if (a == 0.0) { return 1.0; }
  if (x >= 0.0) { return pow(x, a); }
  if (a != round(a)) { return nan(); }
  let r = pow(-x, a);
  return select(r, -r, abs(a % 2.0) == 1.0);
}
`

/** the workgroup grid of a flat kernel: x·y groups of FLAT_GROUP cover n invocations */
export const flatGrid = (n: number): [number, number, number] => gridFor(Math.ceil(n / FLAT_GROUP))

export interface BindingTypes { inputs: DType[]; outputs: DType[] }

const wgslType = (d: DType) => (d === 'i32' ? 'i32' : 'f32')

/** the full shader for one dispatch; bindings: inputs, then outputs, then the uniforms (when any) */
export function shaderSource(p: WgslProgram, types: BindingTypes): string {
  const lines: string[] = [helpers]
  p.inputs.forEach((name, k) => {
    const t = wgslType(types.inputs[k])
    lines.push(`alias ${name}_t = ${t};`, `@group(0) @binding(${k}) var<storage, read> ${name}: array<${t}>;`)
  })
  p.outputs.forEach((name, k) => {
    const t = wgslType(types.outputs[k])
    const elem = p.atomics?.includes(name) ? 'atomic<u32>' : t
    lines.push(`alias ${name}_t = ${t};`, `@group(0) @binding(${p.inputs.length + k}) var<storage, read_write> ${name}: array<${elem}>;`)
  })
  const uniforms = Object.entries(p.uniforms ?? {})
  if (uniforms.length) {
    lines.push(`struct Uniforms { ${uniforms.map(([n, [t]]) => `${n}: ${t}`).join(', ')} }`)
    lines.push(`@group(0) @binding(${p.inputs.length + p.outputs.length}) var<uniform> u: Uniforms;`)
  }
  if (p.header) lines.push(p.header)
  const builtins = '@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(local_invocation_index) li: u32'
  if (p.grid) {
    lines.push(`@compute @workgroup_size(${p.grid.size.join(', ')})`, `fn main(${builtins}) {`, p.body, '}')
  } else {
    const [gx] = flatGrid(p.invocations)
    lines.push(
      `@compute @workgroup_size(${FLAT_GROUP})`, `fn main(${builtins}) {`,
      `  let i = (wid.y * ${gx}u + wid.x) * ${FLAT_GROUP}u + lid.x;`,
      `  if (i >= ${p.invocations}u) { return; }`, p.body, '}',
    )
  }
  return lines.join('\n')
}

/** packs uniform values in declaration order (each a 4-byte scalar), padded to 16 bytes */
export function uniformBytes(p: WgslProgram): ArrayBuffer | null {
  const entries = Object.values(p.uniforms ?? {})
  if (!entries.length) return null
  const buf = new ArrayBuffer(Math.ceil((4 * entries.length) / 16) * 16)
  const view = new DataView(buf)
  entries.forEach(([t, v], k) => {
    if (t === 'f32') view.setFloat32(4 * k, v, true)
    else if (t === 'u32') view.setUint32(4 * k, v >>> 0, true)
    else view.setInt32(4 * k, v | 0, true)
  })
  return buf
}
