// Every dataset format, in the order they are tried on a path (the first whose match says yes opens it).
// Adding a format: one file in this folder with a DataFormat, and one line here.

import type { DataFormat, FormatId } from '../format.ts'
import { cifarFormat } from './cifar.ts'
import { idxFormat } from './idx.ts'
import { imageFolderFormat } from './image-folder.ts'
import { npyFormat } from './npy.ts'
import { npzFormat } from './npz.ts'
import { wavFolderFormat } from './wav-folder.ts'

export const formats: readonly DataFormat[] = [idxFormat, cifarFormat, npyFormat, npzFormat, imageFolderFormat, wavFolderFormat]

export const formatById = (id: FormatId): DataFormat | undefined => formats.find((f) => f.id === id)
