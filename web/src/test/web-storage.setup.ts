/*
 * Node 25 and later define `localStorage` and `sessionStorage` on the global object, as getters that
 * answer undefined unless Node was started with --localstorage-file. Vitest's jsdom environment
 * leaves alone a global that is already there, so jsdom's own Storage never arrived and the tests
 * that remember the language failed on Node 26 (the LTS CI runs). Both are read from the page's
 * window, which Vitest keeps on `globalThis.jsdom`: on Node 20 they are the same objects as before.
 */
const page = (globalThis as { jsdom?: { window: Window } }).jsdom?.window;
if (page) {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    Object.defineProperty(globalThis, name, { configurable: true, get: () => page[name] });
  }
}
