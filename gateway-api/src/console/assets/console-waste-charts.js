// The dashboard's charts from a daily-stats answer (`days[].categories[]`), drawn by Chart.js
// (loaded as the global `Chart`): one series per category, so a district's sorting problem shows as
// one line apart from the others.

import { h } from './console-dom.js';
import { t } from './console-text.js';
import { CATEGORIES } from './console-waste-text.js';

const COLOURS = { '01': '#1f6feb', '02': '#2da44e', '03': '#cf222e', '04': '#6e7781' };

// Charts of the page shown before: destroyed on the next render, so Chart.js lets go of them.
let drawn = [];

function chartBox(testid, title, type, days, valueOf, max) {
  const canvas = h('canvas', { dataset: { testid }, role: 'img', 'aria-label': title });
  const box = h('figure', { class: 'chart-box' }, canvas);
  const draw = () =>
    new globalThis.Chart(canvas, {
      type,
      data: {
        labels: days.map((day) => day.date),
        datasets: CATEGORIES.map((code) => ({
          label: t(`cat.${code}`),
          data: days.map((day) => valueOf(day.categories.find((c) => c.category === code))),
          backgroundColor: COLOURS[code],
          borderColor: COLOURS[code],
          spanGaps: true,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // drawn at once: a printed or captured dashboard shows the numbers, not an animation frame
        animation: false,
        plugins: { title: { display: true, text: title } },
        scales: { y: { beginAtZero: true, max } },
      },
    });
  return { box, draw };
}

/** Three charts: bags, weight (kg) and conformance rate (%), per day and category. */
export function dailyCharts(days) {
  drawn.forEach((chart) => chart.destroy());
  drawn = [];
  const boxes = h('div', { class: 'charts' });
  // Chart.js measures its parent, so the caller puts the boxes on the page first; the charts are
  // drawn right after, in a microtask.
  const charts = [
    chartBox('chart-bags', t('chartBags'), 'bar', days, (c) => c?.bags ?? 0),
    chartBox('chart-weight', t('chartWeight'), 'bar', days, (c) => (c?.weightGrams ?? 0) / 1000),
    chartBox(
      'chart-conformance',
      t('chartConformance'),
      'line',
      days,
      (c) =>
        c === undefined || c.conformanceRate === null ? null : Math.round(c.conformanceRate * 1000) / 10,
      100,
    ),
  ];
  boxes.append(...charts.map((chart) => chart.box));
  void Promise.resolve().then(() => {
    drawn = charts.map((chart) => chart.draw());
  });
  return boxes;
}
