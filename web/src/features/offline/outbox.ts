import type { CompleteBody, Task } from '../../../../shared/src/tasks/tasks.schemas';
import { ApiError } from '../../api/client';

/** An outcome the volunteer recorded while the phone had no network, waiting to be sent. */
export interface QueuedOutcome {
  /** The Idempotency-Key: the server records an outcome sent again with it once. */
  key: string;
  userId: string;
  taskId: string;
  /** Who the task is for, to name it in a conflict after the task left the volunteer's list. */
  label: string;
  body: CompleteBody;
  queuedAt: string;
  /** Why the server refused it when it was sent: shown to the volunteer until dismissed. */
  conflict: { status: number; code: string; message: string } | null;
}

/** Where the queue lives: IndexedDB on the phone (./outboxStore), a Map in the unit tests. */
export interface OutboxStore {
  all: () => Promise<QueuedOutcome[]>;
  put: (entry: QueuedOutcome) => Promise<void>;
  remove: (key: string) => Promise<void>;
}

export type Send = (entry: QueuedOutcome) => Promise<Task>;

export type RecordResult = { status: 'sent'; task: Task } | { status: 'queued'; entry: QueuedOutcome };

/**
 * The answers after which the same request may succeed later: no network, the session gone (the
 * volunteer logs in again), the server busy or failing. Any other refusal is the server's word on
 * this outcome (the task was reassigned, cancelled or closed meanwhile): a conflict.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.status === 0 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500
  );
}

/**
 * Sends an outcome now; without network it goes into the queue with its key, to be sent by
 * `flushOutbox`. A refusal while online is thrown, for the form to show next to its fields.
 */
export async function recordOutcome(
  store: OutboxStore,
  entry: Omit<QueuedOutcome, 'conflict'>,
  send: Send,
): Promise<RecordResult> {
  const queued: QueuedOutcome = { ...entry, conflict: null };
  try {
    return { status: 'sent', task: await send(queued) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 0) throw error;
    await store.put(queued);
    return { status: 'queued', entry: queued };
  }
}

export interface FlushReport {
  sent: QueuedOutcome[];
  conflicts: QueuedOutcome[];
  /** Entries still waiting: the network (or the session) failed on the way. */
  waiting: number;
}

/**
 * Sends the user's queued outcomes, oldest first, each with its own key: sent ones leave the
 * queue, refused ones stay as conflicts, and the first retryable failure stops the round.
 */
export async function flushOutbox(store: OutboxStore, userId: string, send: Send): Promise<FlushReport> {
  const queue = (await store.all())
    .filter((entry) => entry.userId === userId && entry.conflict === null)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const report: FlushReport = { sent: [], conflicts: [], waiting: 0 };
  for (const [index, entry] of queue.entries()) {
    try {
      await send(entry);
      await store.remove(entry.key);
      report.sent.push(entry);
    } catch (error) {
      if (isRetryable(error)) {
        report.waiting = queue.length - index;
        break;
      }
      const { status, code, message } =
        error instanceof ApiError ? error : { status: 0, code: 'UNKNOWN', message: String(error) };
      const conflict = { ...entry, conflict: { status, code, message } };
      await store.put(conflict);
      report.conflicts.push(conflict);
    }
  }
  return report;
}

let running: Promise<FlushReport> | null = null;

/** `flushOutbox`, one round at a time in this page (the 'online' event and a reload may overlap). */
export function flushOnce(store: OutboxStore, userId: string, send: Send): Promise<FlushReport> {
  running ??= flushOutbox(store, userId, send).finally(() => {
    running = null;
  });
  return running;
}
