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


class Unshared(nn.Module):
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
        return y if self.bias is None else y + self.bias


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, (5, 5))
        self.pool1 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.local1 = Unshared(16, 16, (3, 3), (1, 1), (0, 0, 0, 0), (10, 10))
        self.fc = nn.Linear(1600, 10)

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 16x24x24
        relu1 = F.relu(conv1)  # relu1: relu -> 16x24x24
        pool1 = self.pool1(relu1)  # pool1: maxpool -> 16x12x12
        local1 = self.local1(pool1)  # local1: local -> 16x10x10
        relu2 = F.relu(local1)  # relu2: relu -> 16x10x10
        flatten = torch.flatten(relu2, 1)  # flatten: flatten -> 1600
        fc = self.fc(flatten)  # fc: dense -> 10
        return fc


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1.weight": "conv1.weight",
    "conv1.bias": "conv1.bias",
    "local1.weight": "local1.weight",
    "local1.bias": "local1.bias",
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
