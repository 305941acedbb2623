// Lines of a stream, each held to a byte limit without buffering the whole of a huge one: once a
// line passes the limit its remaining bytes are skipped up to the next newline, and the line is
// reported by number and size so the rest of the batch goes on.
export type Line = { number: number; text: string } | { number: number; tooLarge: number };

export async function* boundedLines(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    const line: Line = skipping
      ? { number, tooLarge: size }
      : { number, text: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    skipping = false;
    return line;
  };
  for await (const chunk of stream) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    for (let newline = buffer.indexOf(0x0a); ; newline = buffer.indexOf(0x0a)) {
      const piece = newline < 0 ? buffer : buffer.subarray(0, newline);
      size += piece.length;
      if (!skipping && size > maxBytes) {
        skipping = true;
        parts = [];
      }
      if (!skipping) parts.push(Buffer.from(piece));
      if (newline < 0) break;
      yield finish();
      buffer = buffer.subarray(newline + 1);
    }
  }
  if (size > 0 || skipping) yield finish();
}
