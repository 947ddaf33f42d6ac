/* Worker-thread entry: disclosure control of a set of tables (linear programs are CPU work). */
import { parentPort, workerData } from 'node:worker_threads';
import { reportFromWorker } from '../../platform/jobs/worker-thread.js';
import { suppressTables, type CountTable } from './disclosure.js';

if (!parentPort) throw new Error('disclosure.worker must run in a worker thread.');
reportFromWorker(parentPort, () => suppressTables(workerData as CountTable[]));
