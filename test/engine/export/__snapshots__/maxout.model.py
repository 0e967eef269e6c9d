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


class ChannelPool(nn.Module):
    """Pooling over channels (maxout): output channel g pools input channels g*k ... g*k+k-1."""

    def __init__(self, group_size, mode="max"):
        super().__init__()
        self.k, self.mode = group_size, mode

    def forward(self, x):
        groups = x.reshape(x.shape[0], x.shape[1] // self.k, self.k, *x.shape[2:])
        return groups.amax(2) if self.mode == "max" else groups.mean(2)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, (5, 5), padding=(2, 2))
        self.maxout1 = ChannelPool(2, "max")
        self.pool1 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.conv2 = nn.Conv2d(16, 64, (5, 5), padding=(2, 2))
        self.maxout2 = ChannelPool(2, "max")
        self.pool2 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.fc1 = nn.Linear(1568, 200)
        self.maxout3 = ChannelPool(4, "max")
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 32x28x28
        maxout1 = self.maxout1(conv1)  # maxout1: channelpool -> 16x28x28
        pool1 = self.pool1(maxout1)  # pool1: maxpool -> 16x14x14
        conv2 = self.conv2(pool1)  # conv2: conv -> 64x14x14
        maxout2 = self.maxout2(conv2)  # maxout2: channelpool -> 32x14x14
        pool2 = self.pool2(maxout2)  # pool2: maxpool -> 32x7x7
        flatten = torch.flatten(pool2, 1)  # flatten: flatten -> 1568
        fc1 = self.fc1(flatten)  # fc1: dense -> 200
        maxout3 = self.maxout3(fc1)  # maxout3: channelpool -> 50
        fc2 = self.fc2(maxout3)  # fc2: dense -> 10
        return fc2


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1.weight": "conv1.weight",
    "conv1.bias": "conv1.bias",
    "conv2.weight": "conv2.weight",
    "conv2.bias": "conv2.bias",
    "fc1.weight": "fc1.weight",
    "fc1.bias": "fc1.bias",
    "fc2.weight": "fc2.weight",
    "fc2.bias": "fc2.bias",
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
