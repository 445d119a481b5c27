// The park staff page's worker (www/screen.html): screens a tenant list with the SDK's
// screening build (www/screen-pkg/, `scripts/build-wasm.sh --screen`) off the main thread,
// so the page stays responsive and shows progress.
//
// In:  {csv: ArrayBuffer, pack: string | null, asOf: string | null, lang: string}
// Out: {type: "progress", read, total, rows}
//      {type: "done", csv, summary, rows, ms}       csv: `prequal screen --format csv`'s bytes
//      {type: "error", message, code, path, input}
import init, { Screener } from './screen-pkg/prequal.js';

/** Rows per step: about 50 ms of work, so progress moves smoothly. */
const ROWS_PER_STEP = 1000;

const ready = init();

self.onmessage = async ({ data }) => {
  let screener;
  try {
    await ready;
    const started = performance.now();
    screener = new Screener(data.pack ?? 'default', new Uint8Array(data.csv), data.asOf || undefined, data.lang);
    const parts = [];
    let more = true;
    while (more) {
      more = screener.step(ROWS_PER_STEP);
      parts.push(screener.takeCsv());
      self.postMessage({ type: 'progress', read: screener.bytesRead, total: screener.bytesTotal, rows: screener.rows });
    }
    const ms = performance.now() - started;
    self.postMessage({ type: 'done', csv: parts.join(''), summary: screener.summary(), rows: screener.rows, ms });
  } catch (error) {
    self.postMessage({
      type: 'error',
      message: String(error?.message ?? error),
      code: error?.code ?? null,
      path: error?.path ?? null,
      input: error?.input ?? null,
    });
  } finally {
    screener?.free();
  }
};
