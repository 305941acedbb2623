// Cytoscape.js (canvas) drawing the same graph as the graph page: the page's node places (preset
// layout), sizes and net-cooperation colours, and its options for large graphs (edges hidden and
// a texture while the view moves). A new window replaces the elements in one batch.
import cytoscape from 'cytoscape';
import { netColour, place, type GraphAnswer } from '../src/pages/graph/layout.ts';
import type { Drawer } from './drawer.ts';

function elements(answer: GraphAnswer): cytoscape.ElementDefinition[] {
  const maxNode = Math.max(1, ...answer.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...answer.edges.map((e) => e.events));
  const scale = 300;
  return [
    ...answer.nodes.map((n) => {
      const { x, y } = place(n);
      return {
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, size: 4 + 20 * Math.sqrt(n.events / maxNode) },
        position: { x: x * scale, y: -y * scale },
      };
    }),
    ...answer.edges.map((e) => ({
      group: 'edges' as const,
      data: {
        id: `${e.source}|${e.target}`,
        source: e.source,
        target: e.target,
        width: 0.5 + 4 * Math.sqrt(e.events / maxEdge),
        colour: netColour(e.net),
      },
    })),
  ];
}

const drawer: Drawer<GraphAnswer> = {
  kind: 'graph',
  draw(container, answer) {
    const cy = cytoscape({
      container,
      elements: elements(answer),
      layout: { name: 'preset' },
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      style: [
        {
          selector: 'node',
          style: { width: 'data(size)', height: 'data(size)', 'background-color': '#33506e', label: '' },
        },
        {
          selector: 'edge',
          style: { width: 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'haystack' },
        },
      ],
    });
    return {
      update: (next) =>
        cy.batch(() => {
          cy.elements().remove();
          cy.add(elements(next));
        }),
      destroy: () => cy.destroy(),
    };
  },
};
export default drawer;
