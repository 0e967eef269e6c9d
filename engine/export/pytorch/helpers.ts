// The Python the model needs besides torch.nn: small modules for the layers PyTorch has no class for
// (unshared and tiled convolution, Lp pooling with padding, pooling over channels) and average pooling
// that leaves asymmetric padding out of the count. model.py carries only the ones its graph uses.

export type Helper = 'patches' | 'unshared' | 'tiled' | 'lppool' | 'avgpad' | 'channelpool'

/** helpers a helper needs, written before it */
const NEEDS: Partial<Record<Helper, Helper[]>> = { unshared: ['patches'], tiled: ['patches'] }

const TEXT: Record<Helper, string> = {
  patches: `def patches(x, kernel, stride, pads):
    """[N, C, *size] -> [N, C*K, P]: every output position's window, channel-major as Receptive unfolds it."""
    x = F.pad(x, pads)
    if x.dim() == 3:  # 1D: a 2D image of height 1
        x, kernel, stride = x.unsqueeze(2), (1, *kernel), (1, *stride)
    return F.unfold(x, kernel, stride=stride)`,

  unshared: `class Unshared(nn.Module):
    """Unshared (locally connected) convolution, 1D or 2D: every output position has its own kernels."""

    def __init__(self, channels, filters, kernel, stride, pads, out, bias=True):
        super().__init__()
        self.kernel, self.stride, self.pads, self.out = kernel, stride, pads, out
        self.weight = nn.Parameter(torch.zeros(*out, filters, channels, *kernel))
        self.bias = nn.Parameter(torch.zeros(filters, *out)) if bias else None

    def forward(self, x):
        cols = patches(x, self.kernel, self.stride, self.pads)
        w = self.weight.reshape(cols.shape[2], self.weight.shape[len(self.out)], -1)
        y = torch.einsum("ncp,pfc->nfp", cols, w).reshape(x.shape[0], -1, *self.out)
        return y if self.bias is None else y + self.bias`,

  tiled: `class Tiled(nn.Module):
    """Tiled convolution: output position (i, j) uses kernel set (i mod t, j mod t) of t*t sets."""

    def __init__(self, channels, filters, tiles, kernel, stride, pads, out, bias=True):
        super().__init__()
        self.kernel, self.stride, self.pads, self.out = kernel, stride, pads, out
        self.weight = nn.Parameter(torch.zeros(tiles, tiles, filters, channels, *kernel))
        self.bias = nn.Parameter(torch.zeros(filters)) if bias else None
        rows, cols = torch.arange(out[0]) % tiles, torch.arange(out[1]) % tiles
        self.register_buffer("sets", (rows[:, None] * tiles + cols[None, :]).flatten(), persistent=False)

    def forward(self, x):
        cols = patches(x, self.kernel, self.stride, self.pads)
        w = self.weight.flatten(0, 1)[self.sets].flatten(2)  # [P, F, C*K]
        y = torch.einsum("ncp,pfc->nfp", cols, w).reshape(x.shape[0], -1, *self.out)
        return y if self.bias is None else y + self.bias.view(-1, 1, 1)`,

  lppool: `class LpPool(nn.Module):
    """(sum of x^p over each window)^(1/p); padding counts as zeros (PyTorch's LPPool has none)."""

    def __init__(self, window, stride, pads, p):
        super().__init__()
        self.pads, self.p, self.size = pads, p, math.prod(window)
        self.pool = (nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d)[len(window) - 1](window, stride)

    def forward(self, x):
        return (self.pool(F.pad(x, self.pads).pow(self.p)) * self.size).pow(1 / self.p)`,

  avgpad: `class AvgPoolPadded(nn.Module):
    """Average pooling over a zero-padded input, the padding left out of the count (any padding)."""

    def __init__(self, window, stride, pads):
        super().__init__()
        self.pads = pads
        self.pool = (nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d)[len(window) - 1](window, stride)

    def forward(self, x):
        ones = torch.ones_like(x[:1, :1])
        return self.pool(F.pad(x, self.pads)) / self.pool(F.pad(ones, self.pads))`,

  channelpool: `class ChannelPool(nn.Module):
    """Pooling over channels (maxout): output channel g pools input channels g*k ... g*k+k-1."""

    def __init__(self, group_size, mode="max"):
        super().__init__()
        self.k, self.mode = group_size, mode

    def forward(self, x):
        groups = x.reshape(x.shape[0], x.shape[1] // self.k, self.k, *x.shape[2:])
        return groups.amax(2) if self.mode == "max" else groups.mean(2)`,
}

const ORDER = Object.keys(TEXT) as Helper[]

/** the text of the helpers used and those they need, in a fixed order */
export function helperText(used: ReadonlySet<Helper>): string[] {
  const all = new Set<Helper>()
  for (const h of used) for (const n of [...(NEEDS[h] ?? []), h]) all.add(n)
  return ORDER.filter((h) => all.has(h)).map((h) => TEXT[h])
}
