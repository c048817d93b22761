// Boot glue: load the Go side and report, visibly, when it cannot run.
// All of the popup's behaviour lives in Go (wasm/); nothing else belongs here.
// It declares no globals.
(() => {
  'use strict';

  // Which main.wasm this is: `make build` writes its SHA-256 here, so a copy
  // kept from an older build is never used.
  const WASM_VERSION = 'dev';
  const WASM_URL = 'extension/main.wasm';
  // The Cache API takes only http(s) keys; this one names no real host.
  const WASM_CACHE_KEY = 'https://main-wasm.invalid/' + WASM_VERSION;

  const i18n = (globalThis.browser ?? globalThis.chrome)?.i18n;
  // popup.html is written in English; in another language Go rewrites its
  // words before showing them.
  const lang = i18n?.getMessage('langTag');
  if (lang && lang !== 'en') {
    document.documentElement.setAttribute('data-translating', '');
  }

  // The Go side settling means it has died (main never returns).
  class Stopped extends Error {}

  /** Shows a failure in the result region, as text, in the browser's language. */
  function showFatal(message) {
    document.documentElement.removeAttribute('data-translating');
    const result = document.getElementById('result');
    result.textContent = message;
    result.setAttribute('data-outcome', 'error');
  }

  /**
   * Compiles main.wasm. The popup is a new document on every click, and
   * reading the module from the extension's own Cache Storage is about twice
   * as fast as fetching it from the extension's files, so the first popup
   * keeps a copy there (one entry, replaced when the build changes). Any
   * trouble with the cache falls back to the files.
   */
  async function compileMain() {
    let cache;
    try {
      cache = await caches.open('main-wasm');
      const kept = await cache.match(WASM_CACHE_KEY);
      if (kept) {
        return await WebAssembly.compileStreaming(kept);
      }
    } catch (error) {
      console.warn('Session Killer for Epic Games: the kept main.wasm is unusable:', error);
      cache?.delete(WASM_CACHE_KEY);
    }
    const response = await fetch(WASM_URL);
    const copy = response.clone();
    const module = await WebAssembly.compileStreaming(response);
    if (cache) {
      keepCopy(cache, copy).catch((error) => console.warn('Session Killer for Epic Games: could not keep main.wasm:', error));
    }
    return module;
  }

  async function keepCopy(cache, response) {
    for (const old of await cache.keys()) {
      await cache.delete(old);
    }
    await cache.put(WASM_CACHE_KEY, response);
  }

  async function startGo() {
    // The marks (esk:*) let `make bench` split the start-up into its parts.
    performance.mark('esk:start');
    const go = new Go();
    const module = await compileMain();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    performance.mark('esk:instantiated');
    performance.mark('esk:go-run');
    await go.run(instance);
    throw new Stopped();
  }

  startGo().catch((error) => {
    console.error('Session Killer for Epic Games failed:', error);
    const said = error instanceof Stopped ? i18n?.getMessage('fatalStopped') : i18n?.getMessage('fatalStart', [error.message]);
    showFatal(said || error.message || String(error));
  });
})();
