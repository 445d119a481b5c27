// The strict-CSP demo page's script (csp.html allows no inline scripts): it shows that the
// page still hears the widget's events.
const widget = document.getElementById('prequal');
const heard = document.getElementById('heard');
widget.addEventListener('prequal:result', (event) => {
  const best = event.detail.quotes[0];
  heard.textContent = best ? `prequal:result → ${best.name.en} (${best.verdict})` : 'prequal:result';
});
