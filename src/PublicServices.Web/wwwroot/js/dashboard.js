// Progressive enhancement of the statistics page (Features/Dashboard/Index.cshtml): draws the weekly figures as stacked
// bars with Chart.js. The weekly table stays in the page below the chart: it is what screen readers, printouts and
// browsers without JavaScript use, and it holds exactly the same numbers (both come from the same server-side report).
(function () {
  'use strict';

  var source = document.getElementById('dashboard-data');
  var figure = document.getElementById('weekly-chart-figure');
  var canvas = document.getElementById('weekly-chart');
  if (!source || !figure || !canvas || typeof window.Chart === 'undefined') return;

  var data;
  try { data = JSON.parse(source.textContent); } catch (e) { return; } // no chart; the table is there

  figure.hidden = false;
  // Received is a bar of its own; on time and late are stacked together, so each week shows how many of the dossiers
  // received were decided, and how many of those late. Colours match the portal's (late in its error red).
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: data.received.label, data: data.received.values, stack: 'received', backgroundColor: '#6c757d' },
        { label: data.onTime.label, data: data.onTime.values, stack: 'resolved', backgroundColor: '#198754' },
        { label: data.late.label, data: data.late.values, stack: 'resolved', backgroundColor: '#b00020' }
      ]
    },
    options: {
      locale: data.locale, // thousands separators as on the page: 1.234 in Vietnamese, 1,234 in English
      responsive: true,
      maintainAspectRatio: false,
      animation: window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { title: function (items) { return items.length ? data.titles[items[0].dataIndex] : ''; } } }
      }
    }
  });
})();
