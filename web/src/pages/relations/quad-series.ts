// The four quad classes as the relations chart draws them (kept apart from the chart, so what
// only needs the colours does not load uPlot).
export const QUAD_SERIES = [
  { label: 'Verbal cooperation', stroke: '#1a7f37' },
  { label: 'Material cooperation', stroke: '#0b5cad' },
  { label: 'Verbal conflict', stroke: '#b35900' },
  { label: 'Material conflict', stroke: '#c4162a' },
];
