// Mutations of a valid page or feed, as a hostile or broken server would produce them: bytes
// flipped, ranges cut, duplicated or moved, markup fragments spliced in, the end cut off. Seeded,
// so any failing input can be rebuilt from its seed (the robustness tests and `bench -- fuzz`).

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

const FRAGMENTS = [
  '<',
  '>',
  '</',
  '/>',
  '&',
  '&amp;',
  '&#x0;',
  '&#99999999;',
  '&nbsp',
  '"',
  "'",
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0" encoding="windows-1252"?>',
  '<meta charset="shift_jis">',
  '<script>',
  '</script>',
  '<p>',
  '</div>',
  '<item>',
  '</item>',
  '<entry>',
  '<title>',
  '</channel>',
  '<link>javascript:alert(1)</link>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
  '{"@graph":[',
  '\u0000',
  '\u001b]0;x\u0007',
  '\ufeff',
  '\ud800',
  'Zürich',
  '<svg><math><mi>',
  '<table><tr><td>',
  '<a href="http://127.0.0.1/">',
];

export function mutate(input: Buffer, random: () => number, rounds = 1 + Math.floor(random() * 6)): Buffer {
  let bytes = Buffer.from(input);
  const at = () => Math.floor(random() * (bytes.length + 1));
  for (let i = 0; i < rounds; i++) {
    const kind = Math.floor(random() * 7);
    if (kind === 0 && bytes.length) {
      const p = Math.min(at(), bytes.length - 1);
      bytes[p] = Math.floor(random() * 256);
    } else if (kind === 1) {
      const from = at();
      const to = Math.min(bytes.length, from + Math.floor(random() * 400));
      bytes = Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]);
    } else if (kind === 2) {
      const from = at();
      const piece = bytes.subarray(from, from + Math.floor(random() * 400));
      const to = at();
      const times = 1 + Math.floor(random() * 20);
      bytes = Buffer.concat([bytes.subarray(0, to), ...Array<Buffer>(times).fill(piece), bytes.subarray(to)]);
    } else if (kind === 3) {
      const fragment = FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
      const p = at();
      const times = random() < 0.1 ? 200 : 1;
      bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from(fragment.repeat(times)), bytes.subarray(p)]);
    } else if (kind === 4) {
      bytes = bytes.subarray(0, at());
    } else if (kind === 5) {
      // A stray invalid UTF-8 byte.
      const p = at();
      bytes = Buffer.concat([
        bytes.subarray(0, p),
        Buffer.from([0x80 + Math.floor(random() * 0x80)]),
        bytes.subarray(p),
      ]);
    } else {
      const a = at();
      const b = at();
      const [from, to] = a < b ? [a, b] : [b, a];
      const piece = Buffer.from(bytes.subarray(from, to));
      const rest = Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]);
      const p = Math.floor(random() * (rest.length + 1));
      bytes = Buffer.concat([rest.subarray(0, p), piece, rest.subarray(p)]);
    }
  }
  return bytes;
}
