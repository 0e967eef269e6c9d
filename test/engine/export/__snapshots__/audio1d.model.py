# Exported from Receptive golden: the model as a PyTorch nn.Module.
# load() builds it, reads the weights from weights.npz beside this file and returns it in eval mode.
# Inputs are float32 [batch, *INPUT_SHAPE], normalised per channel first: (x - MEAN) / STD.
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_SHAPE = (1, 8000)
CLASSES = ["zero", "one"]
MEAN = [0.5]
STD = [0.25]


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(1, 32, (80,), stride=(4,))
        self.bn1 = nn.BatchNorm1d(32, eps=0.00001, momentum=0.1)
        self.pool1 = nn.MaxPool1d((4,), stride=(4,))
        self.conv2 = nn.Conv1d(32, 32, (3,))
        self.bn2 = nn.BatchNorm1d(32, eps=0.00001, momentum=0.1)
        self.pool2 = nn.MaxPool1d((4,), stride=(4,))
        self.conv3 = nn.Conv1d(32, 64, (3,))
        self.bn3 = nn.BatchNorm1d(64, eps=0.00001, momentum=0.1)
        self.pool3 = nn.MaxPool1d((4,), stride=(4,))
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        conv1 = self.conv1(x)  # conv1: conv -> 32x1981
        bn1 = self.bn1(conv1)  # bn1: batchnorm -> 32x1981
        relu1 = F.relu(bn1)  # relu1: relu -> 32x1981
        pool1 = self.pool1(relu1)  # pool1: maxpool -> 32x495
        conv2 = self.conv2(pool1)  # conv2: conv -> 32x493
        bn2 = self.bn2(conv2)  # bn2: batchnorm -> 32x493
        relu2 = F.relu(bn2)  # relu2: relu -> 32x493
        pool2 = self.pool2(relu2)  # pool2: maxpool -> 32x123
        conv3 = self.conv3(pool2)  # conv3: conv -> 64x121
        bn3 = self.bn3(conv3)  # bn3: batchnorm -> 64x121
        relu3 = F.relu(bn3)  # relu3: relu -> 64x121
        pool3 = self.pool3(relu3)  # pool3: maxpool -> 64x30
        gap = pool3.mean(dim=(2,))  # gap: globalavgpool -> 64
        fc = self.fc(gap)  # fc: dense -> 10
        return fc


# weights.npz entry -> parameter or buffer of Model
WEIGHTS = {
    "conv1.weight": "conv1.weight",
    "conv1.bias": "conv1.bias",
    "bn1.scale": "bn1.weight",
    "bn1.shift": "bn1.bias",
    "bn1.runningMean": "bn1.running_mean",
    "bn1.runningVar": "bn1.running_var",
    "conv2.weight": "conv2.weight",
    "conv2.bias": "conv2.bias",
    "bn2.scale": "bn2.weight",
    "bn2.shift": "bn2.bias",
    "bn2.runningMean": "bn2.running_mean",
    "bn2.runningVar": "bn2.running_var",
    "conv3.weight": "conv3.weight",
    "conv3.bias": "conv3.bias",
    "bn3.scale": "bn3.weight",
    "bn3.shift": "bn3.bias",
    "bn3.runningMean": "bn3.running_mean",
    "bn3.runningVar": "bn3.running_var",
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
