// Drawing the actor graph with sigma.js (WebGL) over a graphology graph. Node places are fixed per
// actor (by region and a hash of the id), so moving the time slider changes edges, not the layout.
import Graph from 'graphology';
import Sigma from 'sigma';
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

export function fill(graph: Graph, answer: GraphAnswer): void {
  graph.clear();
  const maxNode = Math.max(1, ...answer.nodes.map((n) => n.events));
  for (const n of answer.nodes)
    graph.addNode(n.id, {
      ...place(n),
      label: n.label,
      size: 2 + 10 * Math.sqrt(n.events / maxNode),
      color: '#33506e',
    });
  const maxEdge = Math.max(1, ...answer.edges.map((e) => e.events));
  for (const e of answer.edges)
    graph.addEdgeWithKey(`${e.source}|${e.target}`, e.source, e.target, {
      size: 0.5 + 4 * Math.sqrt(e.events / maxEdge),
      color: netColour(e.net),
      events: e.events,
    });
}

export function createRenderer(
  container: HTMLElement,
  graph: Graph,
  onEdge: (source: string, target: string) => void,
): Sigma {
  const sigma = new Sigma(graph, container, {
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 8,
    defaultEdgeType: 'line',
  });
  sigma.on('clickEdge', ({ edge }) => onEdge(graph.source(edge), graph.target(edge)));
  sigma.on('enterEdge', () => container.classList.add('pointing'));
  sigma.on('leaveEdge', () => container.classList.remove('pointing'));
  return sigma;
}
