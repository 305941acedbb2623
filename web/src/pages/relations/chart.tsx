// The relations chart (uPlot, canvas): events per period by quad class and mean Goldstein. A click
// on a period selects it; the table below the chart offers the same choice by keyboard.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { Answer } from '../../api/client.ts';
import { QUAD_SERIES } from './quad-series.ts';

type Bucket = Answer<'/api/relations'>['buckets'][number];

export { QUAD_SERIES };

/** Draws the chart of these buckets into `el` (also used by the render bench). */
export function drawRelations(el: HTMLElement, buckets: Bucket[]): uPlot {
  const xs = buckets.map((_, i) => i);
  const series: uPlot.Series[] = [
    { label: 'Period', value: (_u, i) => (i === null ? '' : (buckets[i]?.period ?? '')) },
    ...QUAD_SERIES.map((s, q) => ({
      label: s.label,
      stroke: s.stroke,
      width: 2,
      points: { show: true, size: 6 },
      scale: 'n',
      q,
    })),
    {
      label: 'Mean Goldstein',
      stroke: '#555',
      dash: [6, 4],
      width: 1.5,
      scale: 'g',
      points: { show: true },
    },
  ];
  return new uPlot(
    {
      width: Math.max(280, el.clientWidth),
      height: 300,
      series,
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] },
        n: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        g: { range: [-10, 10] },
      },
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (buckets[t]?.period ?? '') : '')),
        },
        { scale: 'n', label: 'events' },
        { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false } },
      ],
      cursor: { points: { show: true } },
      legend: { show: false },
    },
    relationsData(buckets),
    el,
  );
}

/** The chart's columns: period index, the four quad classes, mean Goldstein. */
export function relationsData(buckets: Bucket[]): uPlot.AlignedData {
  return [
    buckets.map((_, i) => i),
    ...QUAD_SERIES.map((_, q) => buckets.map((b) => b.quad[q] ?? 0)),
    buckets.map((b) => b.goldsteinMean),
  ] as uPlot.AlignedData;
}

export function RelationsChart({ buckets, onPick }: { buckets: Bucket[]; onPick: (index: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = drawRelations(el, buckets);
    const over = plot.over;
    const click = () => {
      const idx = plot.cursor.idx;
      if (idx !== null && idx !== undefined) pick.current(idx);
    };
    over.addEventListener('click', click);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: 300 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      over.removeEventListener('click', click);
      plot.destroy();
    };
  }, [buckets]);
  return (
    <div
      class="chart"
      ref={box}
      role="img"
      aria-label="events per period by quad class, and mean Goldstein score"
    />
  );
}
