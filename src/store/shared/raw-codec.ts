// Raw pages are kept brotli-compressed. Quality 5 compresses HTML nearly as well as the default
// (11) at a small fraction of its cost, which matters when thousands of pages are added at once.
// The encoding is stored per row so a later change of codec can still read old rows.
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';

export type RawEncoding = 'br' | 'gzip' | 'identity';

const compressAsync = promisify(brotliCompress);

export async function compressRaw(raw: Buffer): Promise<{ data: Buffer; encoding: RawEncoding }> {
  const data = await compressAsync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  return { data, encoding: 'br' };
}

export function decompressRaw(data: Buffer, encoding: string): Buffer {
  if (encoding === 'br') return brotliDecompressSync(data);
  if (encoding === 'gzip') return gunzipSync(data);
  if (encoding === 'identity') return data;
  throw new Error(`unknown raw encoding '${encoding}' (known: br, gzip, identity)`);
}
