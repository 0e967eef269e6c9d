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


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, (5, 5), padding=(2, 2))
        self.pool1 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.conv2 = nn.Conv2d(6, 16, (5, 5))
        self.pool2 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 6x28x28
        relu1 = F.relu(conv1)  # relu1: relu -> 6x28x28
        pool1 = self.pool1(relu1)  # pool1: maxpool -> 6x14x14
        conv2 = self.conv2(pool1)  # conv2: conv -> 16x10x10
        relu2 = F.relu(conv2)  # relu2: relu -> 16x10x10
        pool2 = self.pool2(relu2)  # pool2: maxpool -> 16x5x5
        flatten = torch.flatten(pool2, 1)  # flatten: flatten -> 400
        fc1 = self.fc1(flatten)  # fc1: dense -> 120
        relu3 = F.relu(fc1)  # relu3: relu -> 120
        fc2 = self.fc2(relu3)  # fc2: dense -> 84
        relu4 = F.relu(fc2)  # relu4: relu -> 84
        fc3 = self.fc3(relu4)  # fc3: dense -> 10
        return fc3


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
    "fc3.weight": "fc3.weight",
    "fc3.bias": "fc3.bias",
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
