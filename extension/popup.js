// Boot glue: load the Go side and report, visibly, when it cannot run.
// All of the popup's behaviour lives in Go (wasm/); nothing else belongs here.
'use strict';

/** Shows a failure in the result region, as text. */
function showFatal(message) {
  const result = document.getElementById('result');
  result.textContent = message;
  result.setAttribute('data-outcome', 'error');
}

async function startGo() {
  // The marks (esk:*) let `make bench` split the start-up into its parts.
  performance.mark('esk:start');
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(
    fetch('extension/main.wasm'),
    go.importObject
  );
  performance.mark('esk:instantiated');
  performance.mark('esk:go-run');
  // main never returns: if go.run settles, the Go side has died.
  await go.run(instance);
  throw new Error('the Go side stopped');
}

startGo().catch((error) => {
  console.error('Epic Session Killer failed:', error);
  showFatal(
    `The popup could not start (${error.message}). Close and reopen it; ` +
      'if this keeps happening, reinstall the extension.'
  );
});
