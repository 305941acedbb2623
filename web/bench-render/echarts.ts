// ECharts drawing the same chart as the relations page: four quad-class lines with points and the
// mean Goldstein dashed on its own axis; canvas renderer, only the parts used (as a page would ship).
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Answer } from '../src/api/client.ts';
import { QUAD_SERIES } from '../src/pages/relations/quad-series.ts';
import type { Drawer } from './drawer.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Buckets = Answer<'/api/relations'>['buckets'];

function option(buckets: Buckets): echarts.EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: buckets.map((b) => b.period) },
    yAxis: [
      { type: 'value', name: 'events', min: 0 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...QUAD_SERIES.map((s, q) => ({
        name: s.label,
        type: 'line',
        symbolSize: 6,
        lineStyle: { width: 2, color: s.stroke },
        itemStyle: { color: s.stroke },
        data: buckets.map((b) => b.quad[q] ?? 0),
      })),
      {
        name: 'Mean Goldstein',
        type: 'line',
        yAxisIndex: 1,
        lineStyle: { width: 1.5, type: [6, 4], color: '#555' },
        itemStyle: { color: '#555' },
        data: buckets.map((b) => b.goldsteinMean),
      },
    ],
  };
}

const drawer: Drawer<Buckets> = {
  kind: 'series',
  draw(container, buckets) {
    const box = document.createElement('div');
    box.style.cssText = `width:${container.clientWidth}px;height:300px`;
    container.append(box);
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(option(buckets));
    return {
      update: (next) => chart.setOption(option(next)),
      destroy: () => chart.dispose(),
    };
  },
};
export default drawer;
