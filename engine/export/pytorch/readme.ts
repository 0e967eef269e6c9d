// The README written beside model.py: what the two files are, the two lines that evaluate the model,
// and the line that trains it further on many GPUs with torchrun and DistributedDataParallel.

import type { ExportMetadata } from '../metadata.ts'

export function readme(meta: ExportMetadata, inputShape: readonly number[]): string {
  const title = meta.name ?? 'Model'
  const norm = meta.normalization
    ? `normalised per channel with \`MEAN\` and \`STD\` from model.py (\`(x - MEAN) / STD\`)`
    : 'as the model was trained on (no normalisation was recorded)'
  return `# ${title}

Exported from ${meta.producer.name} ${meta.producer.version}. \`model.py\` is the model as a PyTorch
\`nn.Module\` (plain code, no pickle); \`weights.npz\` holds its trained weights as NumPy arrays named
\`<node>.<parameter>\`.${meta.classes ? ` Outputs are the scores of the classes in \`CLASSES\` (model.py), in order.` : ''}

## Evaluate

Inputs are float32 \`[batch, ${inputShape.join(', ')}]\`, ${norm}.

\`\`\`python
from model import load
scores = load()(x)  # the model in eval mode with the trained weights
\`\`\`

## Train further, on many GPUs

\`load()\` returns an ordinary \`nn.Module\`: call \`.train()\` on it and wrap it in
\`torch.nn.parallel.DistributedDataParallel\` in your training script (one process per GPU), then:

\`\`\`sh
torchrun --nproc_per_node=gpu train.py  # train.py: model = DistributedDataParallel(load().train().to(rank), device_ids=[rank])
\`\`\`
`
}
