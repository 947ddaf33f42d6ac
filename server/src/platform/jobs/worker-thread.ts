import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/*
 * CPU work of a job runs in a worker thread, so the instance's event loop keeps serving requests.
 * A worker entry posts `{ type: 'progress', progress }` while it works, then `{ type: 'result', result }`
 * or `{ type: 'error', name, message }` (see `reportFromWorker`).
 */

export type WorkerMessage<T, P> =
  | { readonly type: 'progress'; readonly progress: P }
  | { readonly type: 'result'; readonly result: T }
  | { readonly type: 'error'; readonly name: string; readonly message: string };

/**
 * Code that registers tsx, then loads the TypeScript entry. (`execArgv: ['--import', 'tsx']` does not
 * register tsx's hooks before a worker's entry module is loaded on Node 20; and not
 * import.meta.resolve, which Vite's module runner does not support.)
 */
export function tsxBootstrap(entry: URL): string {
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/**
 * Runs a worker entry (the `.ts` source under tsx when running from source, else the compiled `.js`
 * beside it) on `data` and resolves with its result.
 * @param entry URL of the entry's TypeScript source
 * @param signal aborting terminates the worker and rejects with an AbortError
 * @throws (rejects) the worker's error, re-created with its name and message
 */
export function runWorker<T, P = never>(
  entry: URL,
  data: unknown,
  options: { onProgress?: (progress: P) => void; signal?: AbortSignal } = {},
): Promise<T> {
  const { onProgress, signal } = options;
  const fromSource = import.meta.url.endsWith('.ts');
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted.', 'AbortError'));
    const worker = fromSource
      ? new Worker(tsxBootstrap(entry), { eval: true, workerData: data })
      : new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), { workerData: data });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => {
      settle(() => reject(new DOMException('Aborted.', 'AbortError')));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage<T, P>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') settle(() => resolve(message.result));
      else {
        const error = new Error(message.message);
        error.name = message.name;
        settle(() => reject(error));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`Worker exited with code ${code} before answering.`))),
    );
  });
}

/** Inside a worker: runs `work` and posts its result or its error, as `runWorker` expects. */
export function reportFromWorker<T>(
  port: { postMessage(message: unknown): void },
  work: () => Promise<T>,
): void {
  work().then(
    (result) => port.postMessage({ type: 'result', result } satisfies WorkerMessage<T, never>),
    (error: unknown) =>
      port.postMessage({
        type: 'error',
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerMessage<T, never>),
  );
}
