// Adam (Kingma & Ba) with bias correction, and AdamW (Loshchilov & Hutter), whose weight decay shrinks
// the weights directly instead of entering the gradient. Follows torch.optim.Adam / AdamW step by step.

import { wgslFloat as f, type UpdateRule } from './rule.ts'

export interface AdamOptions { lr: number; betas?: [number, number]; eps?: number; weightDecay?: number }

function adamLike(kind: 'adam' | 'adamw', { betas = [0.9, 0.999], eps = 1e-8, weightDecay }: AdamOptions, decoupled: boolean): UpdateRule {
  const [b1, b2] = betas
  const wd = weightDecay ?? (decoupled ? 0.01 : 0)
  if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) throw new Error(`${kind}: betas must be in [0, 1), got [${betas.join(', ')}]`)
  return {
    kind,
    options: { betas: [b1, b2], eps, weightDecay: wd },
    slots: ['m', 'v'],
    apply(p, g, [m, v], t, lr) {
      const stepSize = lr / (1 - b1 ** t)
      const root2 = Math.sqrt(1 - b2 ** t)
      const shrink = decoupled ? 1 - lr * wd : 1
      for (let i = 0; i < p.length; i++) {
        p[i] *= shrink
        const d = decoupled ? g[i] : g[i] + wd * p[i]
        m[i] = b1 * m[i] + (1 - b1) * d
        v[i] = b2 * v[i] + (1 - b2) * d * d
        p[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / root2 + eps)
      }
    },
    wgsl: {
      uniforms: (t, lr) => ({
        stepSize: ['f32', lr / (1 - b1 ** t)], root2: ['f32', Math.sqrt(1 - b2 ** t)], shrink: ['f32', decoupled ? 1 - lr * wd : 1],
      }),
      body: `let pv = p[i] * u.shrink;
let d = g[i]${decoupled ? '' : ` + ${f(wd)} * pv`};
let mv = ${f(b1)} * m[i] + ${f(1 - b1)} * d; let vv = ${f(b2)} * v[i] + ${f(1 - b2)} * d * d;
m[i] = mv; v[i] = vv;
p[i] = pv - (u.stepSize * mv) / (sqrt(vv) / u.root2 + ${f(eps)});`,
    },
  }
}

/** Adam; weightDecay (default 0) is added to the gradient, as L2 regularisation */
export const adamRule = (o: AdamOptions): UpdateRule => adamLike('adam', o, false)
/** AdamW; weightDecay (default 0.01) shrinks the weights by lr·weightDecay each step */
export const adamwRule = (o: AdamOptions): UpdateRule => adamLike('adamw', o, true)
