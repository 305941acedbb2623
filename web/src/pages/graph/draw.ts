// Drawing the actor graph with sigma.js (WebGL) over a graphology graph. Node places are fixed per
// actor (by region and a hash of the id), so moving the time slider changes edges, not the layout.
import Graph from 'graphology';
import Sigma from 'sigma';
import { netColour, place, type GraphAnswer } from './layout.ts';

export { netColour, place, type GraphAnswer };

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
