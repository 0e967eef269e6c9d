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
        self.conv1a = nn.Conv2d(3, 32, (3, 3), padding=(1, 1))
        self.conv1b = nn.Conv2d(32, 32, (3, 3), padding=(1, 1))
        self.pool1 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.conv2a = nn.Conv2d(32, 64, (3, 3), padding=(1, 1))
        self.conv2b = nn.Conv2d(64, 64, (3, 3), padding=(1, 1))
        self.pool2 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.conv3a = nn.Conv2d(64, 128, (3, 3), padding=(1, 1))
        self.conv3b = nn.Conv2d(128, 128, (3, 3), padding=(1, 1))
        self.pool3 = nn.MaxPool2d((2, 2), stride=(2, 2))
        self.fc1 = nn.Linear(2048, 256)
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(256, 10)

    def forward(self, x):
        conv1a = self.conv1a(x)  # conv1a: conv -> 32x32x32
        relu1a = F.relu(conv1a)  # relu1a: relu -> 32x32x32
        conv1b = self.conv1b(relu1a)  # conv1b: conv -> 32x32x32
        relu1b = F.relu(conv1b)  # relu1b: relu -> 32x32x32
        pool1 = self.pool1(relu1b)  # pool1: maxpool -> 32x16x16
        conv2a = self.conv2a(pool1)  # conv2a: conv -> 64x16x16
        relu2a = F.relu(conv2a)  # relu2a: relu -> 64x16x16
        conv2b = self.conv2b(relu2a)  # conv2b: conv -> 64x16x16
        relu2b = F.relu(conv2b)  # relu2b: relu -> 64x16x16
        pool2 = self.pool2(relu2b)  # pool2: maxpool -> 64x8x8
        conv3a = self.conv3a(pool2)  # conv3a: conv -> 128x8x8
        relu3a = F.relu(conv3a)  # relu3a: relu -> 128x8x8
        conv3b = self.conv3b(relu3a)  # conv3b: conv -> 128x8x8
        relu3b = F.relu(conv3b)  # relu3b: relu -> 128x8x8
        pool3 = self.pool3(relu3b)  # pool3: maxpool -> 128x4x4
        flatten = torch.flatten(pool3, 1)  # flatten: flatten -> 2048
        fc1 = self.fc1(flatten)  # fc1: dense -> 256
        relu4 = F.relu(fc1)  # relu4: relu -> 256
        drop = self.drop(relu4)  # drop: dropout -> 256
        fc2 = self.fc2(drop)  # fc2: dense -> 10
        return fc2


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1a.weight": "conv1a.weight",
    "conv1a.bias": "conv1a.bias",
    "conv1b.weight": "conv1b.weight",
    "conv1b.bias": "conv1b.bias",
    "conv2a.weight": "conv2a.weight",
    "conv2a.bias": "conv2a.bias",
    "conv2b.weight": "conv2b.weight",
    "conv2b.bias": "conv2b.bias",
    "conv3a.weight": "conv3a.weight",
    "conv3a.bias": "conv3a.bias",
    "conv3b.weight": "conv3b.weight",
    "conv3b.bias": "conv3b.bias",
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
