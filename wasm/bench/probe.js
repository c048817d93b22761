// Injected into every popup document before its own scripts run (CDP
// Page.addScriptToEvaluateOnNewDocument). It times, with performance.now()
// (0 = navigation start), what a person waits for; the bench reads
// window.__eskBench. The same probe runs in the project and the reference.
(() => {
  'use strict';
  // Replaced by the bench with the kill-type names the select must list.
  const names = __KILL_TYPE_NAMES__;
  const r = {
    fcp: -1, // first-contentful-paint, when the browser reports one
    complete: -1, // the first frame painted with the whole popup in it
    ready: -1, // data-ready="true" on <html>
    click: -1, // the click on #kill, seen on its way down
    outcome: -1, // #result's data-outcome became success or error
    outcomeValue: '',
    text: '',
  };
  const waiters = [];
  function settle() {
    for (const w of waiters.splice(0)) {
      if (w.when()) w.resolve();
      else waiters.push(w);
    }
  }
  function until(when) {
    return new Promise((resolve) => {
      waiters.push({ when, resolve });
      settle();
    });
  }
  function snapshot() {
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) marks[m.name] = m.startTime;
    return { ...r, marks };
  }
  Object.defineProperty(window, '__eskBench', {
    value: {
      ready: () => until(() => r.complete >= 0 && r.ready >= 0).then(snapshot),
      outcome: () => until(() => r.outcome >= 0).then(snapshot),
    },
  });

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint') r.fcp = e.startTime;
    }
    settle();
  }).observe({ type: 'paint', buffered: true });

  const shown = (el) => !!el && el.checkVisibility() && el.getClientRects().length > 0;
  const label = (id) => document.querySelector(`label[for="${id}"]`)?.textContent.trim();
  // complete is the contract's controls, visible, with every kill type listed.
  function complete() {
    const select = document.getElementById('kill-type');
    const kill = document.getElementById('kill');
    if (!['token', 'kill-type', 'kill', 'result'].every((id) => shown(document.getElementById(id)))) return false;
    if (!label('token') || !label('kill-type')) return false;
    if (!kill.textContent.trim().startsWith('Kill sessions')) return false;
    // Every kill type listed, each in words: its value is Epic's name.
    const listed = [...select.options].filter((o) => o.textContent.trim()).map((o) => o.value);
    return names.every((n) => listed.includes(n));
  }
  // Animation frame callbacks run just before the frame is drawn; a task
  // posted from one runs once that frame has been painted.
  function frame() {
    if (!complete()) {
      requestAnimationFrame(frame);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      r.complete = performance.now();
      settle();
    };
    channel.port2.postMessage(null);
  }
  requestAnimationFrame(frame);

  new MutationObserver((records) => {
    const now = performance.now();
    for (const m of records) {
      const value = m.target.getAttribute(m.attributeName);
      if (m.target === document.documentElement && m.attributeName === 'data-ready') {
        if (value === 'true' && r.ready < 0) r.ready = now;
      } else if (m.target.id === 'result' && (value === 'success' || value === 'error')) {
        if (r.click >= 0 && r.outcome < 0) {
          r.outcome = now;
          r.outcomeValue = value;
          r.text = m.target.textContent;
        }
      }
    }
    settle();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-outcome'] });

  document.addEventListener(
    'click',
    (e) => {
      if (e.target.id === 'kill' && r.click < 0) r.click = performance.now();
    },
    true
  );
})();
