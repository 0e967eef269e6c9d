# Exported from Receptive golden: the model as a PyTorch nn.Module.
# load() builds it, reads the weights from weights.npz beside this file and returns it in eval mode.
# Inputs are float32 [batch, *INPUT_SHAPE], normalised per channel first: (x - MEAN) / STD.
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = (1, 16, 16, 16)
CLASSES = ["zero", "one"]
MEAN = [0.5]
STD = [0.25]


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv3d(1, 8, (3, 3, 3), padding=(1, 1, 1))
        self.pool1 = nn.MaxPool3d((2, 2, 2), stride=(2, 2, 2))
        self.conv2 = nn.Conv3d(8, 16, (3, 3, 3), padding=(1, 1, 1))
        self.pool2 = nn.MaxPool3d((2, 2, 2), stride=(2, 2, 2))
        self.conv3 = nn.Conv3d(16, 32, (3, 3, 3), padding=(1, 1, 1))
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 8x16x16x16
        relu1 = F.relu(conv1)  # relu1: relu -> 8x16x16x16
        pool1 = self.pool1(relu1)  # pool1: maxpool -> 8x8x8x8
        conv2 = self.conv2(pool1)  # conv2: conv -> 16x8x8x8
        relu2 = F.relu(conv2)  # relu2: relu -> 16x8x8x8
        pool2 = self.pool2(relu2)  # pool2: maxpool -> 16x4x4x4
        conv3 = self.conv3(pool2)  # conv3: conv -> 32x4x4x4
        relu3 = F.relu(conv3)  # relu3: relu -> 32x4x4x4
        gap = relu3.mean(dim=(2, 3, 4))  # gap: globalavgpool -> 32
        fc = self.fc(gap)  # fc: dense -> 10
        return fc


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1.weight": "conv1.weight",
    "conv1.bias": "conv1.bias",
    "conv2.weight": "conv2.weight",
    "conv2.bias": "conv2.bias",
    "conv3.weight": "conv3.weight",
    "conv3.bias": "conv3.bias",
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
