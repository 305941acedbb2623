// uPlot, as the relations page draws it (its own chart code); a new window is new data.
import 'uplot/dist/uPlot.min.css';
import type { Answer } from '../src/api/client.ts';
import { drawRelations, relationsData } from '../src/pages/relations/chart.tsx';
import type { Drawer } from './drawer.ts';

type Buckets = Answer<'/api/relations'>['buckets'];

const drawer: Drawer<Buckets> = {
  kind: 'series',
  draw(container, buckets) {
    const plot = drawRelations(container, buckets);
    return {
      update: (next) => plot.setData(relationsData(next)),
      destroy: () => plot.destroy(),
    };
  },
};
export default drawer;
