# Exported from Receptive golden: the model as a PyTorch nn.Module.
# load() builds it, reads the weights from weights.npz beside this file and returns it in eval mode.
# Inputs are float32 [batch, *INPUT_SHAPE], normalised per channel first: (x - MEAN) / STD.
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = (1, 28, 28)
CLASSES = ["zero", "one"]
MEAN = [0.5]
STD = [0.25]


def patches(x, kernel, stride, pads):
    """[N, C, *size] -> [N, C*K, P]: every output position's window, channel-major as Receptive unfolds it."""
    x = F.pad(x, pads)
    if x.dim() == 3:  # 1D: a 2D image of height 1
        x, kernel, stride = x.unsqueeze(2), (1, *kernel), (1, *stride)
    return F.unfold(x, kernel, stride=stride)


class Tiled(nn.Module):
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
        return y if self.bias is None else y + self.bias.view(-1, 1, 1)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.tiled1 = Tiled(1, 16, 2, (5, 5), (1, 1), (0, 0, 0, 0), (24, 24))
        self.pool1 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.tiled2 = Tiled(16, 32, 2, (3, 3), (1, 1), (0, 0, 0, 0), (10, 10))
        self.pool2 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.fc = nn.Linear(800, 10)

    def forward(self, x):
        tiled1 = self.tiled1(x)  # tiled1: tiled -> 16x24x24
        relu1 = F.relu(tiled1)  # relu1: relu -> 16x24x24
        pool1 = self.pool1(relu1)  # pool1: maxpool -> 16x12x12
        tiled2 = self.tiled2(pool1)  # tiled2: tiled -> 32x10x10
        relu2 = F.relu(tiled2)  # relu2: relu -> 32x10x10
        pool2 = self.pool2(relu2)  # pool2: maxpool -> 32x5x5
        flatten = torch.flatten(pool2, 1)  # flatten: flatten -> 800
        fc = self.fc(flatten)  # fc: dense -> 10
        return fc


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "tiled1.weight": "tiled1.weight",
    "tiled1.bias": "tiled1.bias",
    "tiled2.weight": "tiled2.weight",
    "tiled2.bias": "tiled2.bias",
    "fc.weight": "fc.weight",
    "fc.bias": "fc.bias",
}
# true-convolution kernels: Receptive stores them unmirrored, nn.Conv correlates
FLIPPED = set()


def load(weights_path=None):
    """The model with its trained weights, in eval mode. weights_path defaults to weights.npz beside this file."""
    model = Model()
    path = weights_path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.npz")
    state = {}
    with np.load(path, allow_pickle=False) as npz:
        for key, target in WEIGHTS.items():
            array = npz[key]
            if key in FLIPPED:
                array = np.flip(array, tuple(range(2, array.ndim)))
            state[target] = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise ValueError(f"{path} does not fit this model: missing {missing}, unexpected {unexpected}")
    return model.eval()
