// Chunked file reads with progress and cancellation, so a long read can drive a progress bar
// and be stopped; the bytes land in one buffer of exactly the requested size (no second copy).

import type { FileHandle } from 'node:fs/promises'
import type { ImportContext } from './format.ts'
import { DataError, throwIfAborted } from './errors.ts'

const CHUNK = 8 << 20

/** reads `length` bytes at `position` into `into` (or a new buffer); fewer bytes than asked is an error */
export async function readExactly(
  handle: FileHandle, position: number, length: number, ctx: ImportContext, into: Uint8Array = new Uint8Array(length),
): Promise<Uint8Array> {
  let done = 0
  while (done < length) {
    throwIfAborted(ctx.signal)
    const { bytesRead } = await handle.read(into, done, Math.min(CHUNK, length - done), position + done)
    if (bytesRead === 0) throw new Error(`file ended after ${done} of ${length} bytes`)
    done += bytesRead
    ctx.onProgress?.({ phase: 'read', done, total: length, unit: 'bytes' })
  }
  return into
}

/** a header that says how many payload bytes follow it */
export interface SizedHeader { readonly headerBytes: number; readonly payloadBytes: number }

const MAX_INFLATED = 2 ** 32

/**
 * inflates a compressed stream whose content starts with a header declaring its own length (IDX, .npy)
 * into one buffer of exactly that length: more or fewer bytes than declared is an error, and the
 * declared size caps how much is ever inflated (a zip/gzip bomb stops at the cap)
 */
export async function inflateSized<H extends SizedHeader>(
  compressed: NodeJS.ReadableStream & { destroy(): void }, inflater: NodeJS.ReadWriteStream,
  parseHead: (head: Uint8Array) => H | undefined, file: string, ctx: ImportContext, compressedTotal: number,
): Promise<{ header: H; payload: Uint8Array }> {
  let read = 0
  compressed.on('data', (c: Buffer) => { read += c.length })
  let head: Uint8Array = new Uint8Array(0)
  let header: H | undefined
  let out: Uint8Array | undefined
  let filled = 0
  const declared = (h: H) => `${h.payloadBytes.toLocaleString('en')} bytes`
  try {
    for await (const chunk of compressed.pipe(inflater) as AsyncIterable<Buffer>) {
      throwIfAborted(ctx.signal)
      let bytes: Uint8Array = chunk
      if (!header) {
        const joined = new Uint8Array(head.length + bytes.length)
        joined.set(head); joined.set(bytes, head.length)
        head = joined
        header = parseHead(head)
        if (!header) continue
        if (header.payloadBytes > MAX_INFLATED) throw new DataError(file, `header declares ${declared(header)}, more than 4 GiB`)
        out = new Uint8Array(header.payloadBytes)
        bytes = head.subarray(header.headerBytes)
      }
      if (filled + bytes.length > out!.length) throw new DataError(file, `holds more data than its header declares (${declared(header)})`)
      out!.set(bytes, filled)
      filled += bytes.length
      ctx.onProgress?.({ phase: 'read', done: read, total: compressedTotal, unit: 'bytes' })
    }
  } catch (e) {
    const err = e as Error & { code?: string }
    if (e instanceof DataError || err.name === 'ImportAborted') throw e
    if (err.code?.startsWith('Z_')) throw new DataError(file, `compressed data is corrupt (${err.message})`)
    throw new DataError(file, err.message)
  } finally {
    compressed.destroy()
  }
  if (!header) throw new DataError(file, `ends inside its header (${head.length} bytes)`)
  if (filled !== header.payloadBytes) {
    throw new DataError(file, `header declares ${declared(header)} of data but the file holds ${filled.toLocaleString('en')} (truncated)`)
  }
  return { header, payload: out! }
}
