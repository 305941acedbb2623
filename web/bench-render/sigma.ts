// sigma.js (WebGL) as the graph page draws it: its own fill and renderer; a new window refills the
// graphology graph and refreshes.
import Graph from 'graphology';
import { createRenderer, fill, type GraphAnswer } from '../src/pages/graph/draw.ts';
import type { Drawer } from './drawer.ts';

const drawer: Drawer<GraphAnswer> = {
  kind: 'graph',
  draw(container, answer) {
    const graph = new Graph({ type: 'undirected' });
    fill(graph, answer);
    const sigma = createRenderer(container, graph, () => undefined);
    return {
      update: (next) => {
        fill(graph, next);
        sigma.refresh();
      },
      destroy: () => sigma.kill(),
    };
  },
};
export default drawer;
