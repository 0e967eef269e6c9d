# Exported from Receptive golden: the model as a PyTorch nn.Module.
# load() builds it, reads the weights from weights.npz beside this file and returns it in eval mode.
# Inputs are float32 [batch, *INPUT_SHAPE], normalised per channel first: (x - MEAN) / STD.
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = (3, 32, 32)
CLASSES = ["zero", "one"]
MEAN = [0.5]
STD = [0.25]


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, (3, 3), padding=(1, 1))
        self.down1 = nn.Conv2d(32, 32, (3, 3), stride=(2, 2))
        self.conv2 = nn.Conv2d(32, 64, (3, 3), padding=(1, 1))
        self.down2 = nn.Conv2d(64, 64, (3, 3), stride=(2, 2))
        self.conv3 = nn.Conv2d(64, 64, (3, 3), padding=(1, 1))
        self.scores = nn.Conv2d(64, 10, (1, 1))

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 32x32x32
        relu1 = F.relu(conv1)  # relu1: relu -> 32x32x32
        down1 = self.down1(F.pad(relu1, (0, 1, 0, 1)))  # down1: conv -> 32x16x16
        relu2 = F.relu(down1)  # relu2: relu -> 32x16x16
        conv2 = self.conv2(relu2)  # conv2: conv -> 64x16x16
        relu3 = F.relu(conv2)  # relu3: relu -> 64x16x16
        down2 = self.down2(F.pad(relu3, (0, 1, 0, 1)))  # down2: conv -> 64x8x8
        relu4 = F.relu(down2)  # relu4: relu -> 64x8x8
        conv3 = self.conv3(relu4)  # conv3: conv -> 64x8x8
        relu5 = F.relu(conv3)  # relu5: relu -> 64x8x8
        scores = self.scores(relu5)  # scores: conv -> 10x8x8
        gap = scores.mean(dim=(2, 3))  # gap: globalavgpool -> 10
        return gap


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1.weight": "conv1.weight",
    "conv1.bias": "conv1.bias",
    "down1.weight": "down1.weight",
    "down1.bias": "down1.bias",
    "conv2.weight": "conv2.weight",
    "conv2.bias": "conv2.bias",
    "down2.weight": "down2.weight",
    "down2.bias": "down2.bias",
    "conv3.weight": "conv3.weight",
    "conv3.bias": "conv3.bias",
    "scores.weight": "scores.weight",
    "scores.bias": "scores.bias",
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
