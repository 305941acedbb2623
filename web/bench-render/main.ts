// The render bench's page (bench/web-render.bench.ts): each drawing library behind one interface,
// loaded on demand so each is its own chunk. The bench hands the data over first (put), then
// times each step from the call to the painted frame, so moving data into the page is not timed.
import type { Drawer, Drawing } from './drawer.ts';

const loaders: Record<string, () => Promise<{ default: Drawer<never> }>> = {
  uplot: () => import('./uplot.ts'),
  echarts: () => import('./echarts.ts'),
  sigma: () => import('./sigma.ts'),
  cytoscape: () => import('./cytoscape.ts'),
};

/** Two frames: the one the drawing was scheduled for, and the one after it, painted. */
const painted = () =>
  new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

const data = new Map<string, unknown>();
let drawer: Drawer<unknown> | null = null;
let drawing: Drawing<unknown> | null = null;

async function timed(step: () => unknown): Promise<number> {
  const start = performance.now();
  await step();
  await painted();
  return performance.now() - start;
}

const bench = {
  put(key: string, value: unknown) {
    data.set(key, value);
  },
  load: (name: string) =>
    timed(async () => {
      drawer = (await loaders[name]!()).default as Drawer<unknown>;
    }),
  draw: (key: string) =>
    timed(() => {
      const stage = document.getElementById('stage')!;
      drawing = drawer!.draw(stage, data.get(key));
    }),
  update: (key: string) => timed(() => drawing!.update(data.get(key))),
};

(window as unknown as { bench: typeof bench }).bench = bench;
