// Where the actor graph puts each actor and how it colours a link: apart from the renderer, so the
// render bench can give another library the same drawing.
import type { Answer } from '../../api/client.ts';

export type GraphAnswer = Answer<'/api/graph'>;

const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Antarctic'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Countries in a wedge per region; blocs in the middle; other actors on an outer ring. */
export function place(node: GraphAnswer['nodes'][number]): { x: number; y: number } {
  const h = hash(node.id);
  if (node.kind === 'bloc') return { x: Math.cos(h * 2 * Math.PI) * 0.3, y: Math.sin(h * 2 * Math.PI) * 0.3 };
  const region = node.region ? REGIONS.indexOf(node.region) : -1;
  const wedge = region >= 0 ? (region + h * 0.9) / REGIONS.length : h;
  const radius = node.kind === 'country' ? 1 + hash(`${node.id}r`) * 0.6 : 2 + hash(`${node.id}r`) * 0.8;
  return { x: Math.cos(wedge * 2 * Math.PI) * radius, y: Math.sin(wedge * 2 * Math.PI) * radius };
}

/** Red for net conflict through grey to green for net cooperation. */
export function netColour(net: number): string {
  const t = Math.max(-1, Math.min(1, net));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * Math.abs(t));
  return t >= 0
    ? `rgb(${mix(150, 26)},${mix(150, 127)},${mix(150, 55)})`
    : `rgb(${mix(150, 196)},${mix(150, 22)},${mix(150, 42)})`;
}
