// Workgroup counts for WGSL kernels that give each output a whole workgroup (reductions, matmul tiles):
// more than 65535 groups fold into a second dispatch axis, as the device's flat kernels do.

/** threads in a kernel's one-dimensional workgroup */
export const FLAT_GROUP = 256
/** most workgroups along one dispatch axis (WebGPU's default limit) */
export const MAX_GROUPS = 65535

/** x·y ≥ n groups with x ≤ 65535; a kernel finds its group as wid.y · x + wid.x and skips those past n */
export function gridFor(n: number): [number, number, number] {
  const x = Math.min(Math.max(n, 1), MAX_GROUPS)
  return [x, Math.ceil(n / x), 1]
}
