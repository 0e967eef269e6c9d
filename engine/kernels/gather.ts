// Gather and scatter-add of contiguous blocks by int32 index: y[i] = x[idx[i]] and y[idx[i]] += x[i],
// block elements at a time. An index of −1 reads zero (gather) or drops the block (scatter), which is
// how padding, concatenation, permutation and kernel selection by position are expressed.
import { defineKernel, type WgslProgram } from './kernel.ts'

export const gather = defineKernel<{ block: number }>({
  name: 'gather',
  cpu([x, idx], [y], { block }) {
    for (let i = 0; i < idx.length; i++) {
      const from = idx[i] * block, to = i * block
      if (idx[i] < 0) y.fill(0, to, to + block)
      else for (let j = 0; j < block; j++) y[to + j] = x[from + j]
    }
  },
  wgsl: ({ block }, { outputs: [n] }) => ({
    inputs: ['x', 'idx'], outputs: ['y'], invocations: n,
    body: `let row = idx[i / ${block}u]; y[i] = select(0.0, x[u32(max(row, 0)) * ${block}u + i % ${block}u], row >= 0);`,
  }),
})

/** y (zeroed first, unless accumulate) receives the blocks of x at the indexed rows */
export const scatterAdd = defineKernel<{ block: number; accumulate?: boolean }>({
  name: 'scatterAdd',
  cpu([x, idx], [y], { block, accumulate }) {
    if (!accumulate) y.fill(0)
    for (let i = 0; i < idx.length; i++) {
      if (idx[i] < 0) continue
      const to = idx[i] * block, from = i * block
      for (let j = 0; j < block; j++) y[to + j] += x[from + j]
    }
  },
  // indices may repeat (tiled kernels sum many positions into one set): float adds by compare-exchange
  wgsl({ block, accumulate }, { inputs: [n], outputs: [m] }) {
    const add: WgslProgram = {
      inputs: ['x', 'idx'], outputs: ['y'], atomics: ['y'], invocations: n,
      body: `let row = idx[i / ${block}u];
if (row >= 0) {
  let at = u32(row) * ${block}u + i % ${block}u;
  var old = atomicLoad(&y[at]);
  loop {
    let r = atomicCompareExchangeWeak(&y[at], old, bitcast<u32>(bitcast<f32>(old) + x[i]));
    if (r.exchanged) { break; }
    old = r.old_value;
  }
}`,
    }
    return accumulate ? add : [{ ...add, invocations: m, body: 'atomicStore(&y[i], 0u);' }, add]
  },
})
