// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov) and L2 weight decay,
// following PyTorch's torch.optim.SGD (dampening 0): buf = μ·buf + g; step along buf, or g + μ·buf.

import { wgslFloat as f, type UpdateRule } from './rule.ts'

export interface SgdOptions { lr: number; momentum?: number; nesterov?: boolean; weightDecay?: number }

export function sgdRule({ momentum = 0, nesterov = false, weightDecay = 0 }: SgdOptions): UpdateRule {
  if (nesterov && momentum <= 0) throw new Error('sgd: Nesterov momentum needs momentum > 0')
  return {
    kind: 'sgd',
    options: { momentum, nesterov, weightDecay },
    slots: momentum > 0 ? ['momentum'] : [],
    apply(p, g, [buf], _t, lr) {
      for (let i = 0; i < p.length; i++) {
        let d = g[i] + weightDecay * p[i]
        if (buf) {
          buf[i] = momentum * buf[i] + d
          d = nesterov ? d + momentum * buf[i] : buf[i]
        }
        p[i] -= lr * d
      }
    },
    wgsl: {
      uniforms: (_t, lr) => ({ lr: ['f32', lr] }),
      body: `var d = g[i] + ${f(weightDecay)} * p[i];
${momentum > 0 ? `let b = ${f(momentum)} * momentum[i] + d; momentum[i] = b; d = ${nesterov ? `d + ${f(momentum)} * b` : 'b'};` : ''}
p[i] = p[i] - u.lr * d;`,
    },
  }
}
