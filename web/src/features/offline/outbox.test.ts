import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { ApiError } from '../../api/client';
import { flushOnce, flushOutbox, recordOutcome, type OutboxStore, type QueuedOutcome } from './outbox';

function memoryStore(): OutboxStore & { entries: Map<string, QueuedOutcome> } {
  const entries = new Map<string, QueuedOutcome>();
  return {
    entries,
    all: async () => [...entries.values()],
    put: async (entry) => void entries.set(entry.key, entry),
    remove: async (key) => void entries.delete(key),
  };
}

const offline = () => new ApiError(0, 'NETWORK', 'Impossibile contattare il server');
const task = (id: string) => ({ id, status: 'done' }) as Task;

function outcome(key: string, taskId: string, queuedAt: string, userId = 'u1'): QueuedOutcome {
  return {
    key,
    userId,
    taskId,
    label: `Persona ${taskId}`,
    body: { outcome: 'done', moneyAdvancedCents: 1250 },
    queuedAt,
    conflict: null,
  };
}

describe('the offline queue of outcomes', () => {
  it('sends an outcome at once when the network is there, and queues nothing', async () => {
    const store = memoryStore();
    const send = vi.fn(async (e: QueuedOutcome) => task(e.taskId));
    const { conflict: _, ...entry } = outcome('k1', 't1', '2026-12-01T08:00:00Z');
    const result = await recordOutcome(store, entry, send);
    expect(result).toEqual({ status: 'sent', task: task('t1') });
    expect(store.entries.size).toBe(0);
  });

  it('queues the outcome with its key when there is no network', async () => {
    const store = memoryStore();
    const { conflict: _, ...entry } = outcome('k1', 't1', '2026-12-01T08:00:00Z');
    const result = await recordOutcome(store, entry, async () => Promise.reject(offline()));
    expect(result.status).toBe('queued');
    expect([...store.entries.values()]).toEqual([{ ...entry, conflict: null }]);
  });

  it('throws a refusal made online, for the form to show, and queues nothing', async () => {
    const store = memoryStore();
    const { conflict: _, ...entry } = outcome('k1', 't1', '2026-12-01T08:00:00Z');
    const refused = new ApiError(422, 'OUTCOME_REASON_REQUIRED', 'Indica il motivo');
    await expect(recordOutcome(store, entry, async () => Promise.reject(refused))).rejects.toBe(refused);
    expect(store.entries.size).toBe(0);
  });

  it('sends the queue oldest first, each once with its own key, and empties it', async () => {
    const store = memoryStore();
    await store.put(outcome('k2', 't2', '2026-12-01T09:00:00Z'));
    await store.put(outcome('k1', 't1', '2026-12-01T08:00:00Z'));
    await store.put(outcome('k9', 't9', '2026-12-01T07:00:00Z', 'someone-else'));
    const send = vi.fn(async (e: QueuedOutcome) => task(e.taskId));
    const report = await flushOutbox(store, 'u1', send);
    expect(send.mock.calls.map(([e]) => e.key)).toEqual(['k1', 'k2']);
    expect(report).toMatchObject({ waiting: 0, conflicts: [] });
    expect(report.sent.map((e) => e.key)).toEqual(['k1', 'k2']);
    // Another user's queued outcome is never sent with this session.
    expect([...store.entries.keys()]).toEqual(['k9']);
    await flushOutbox(store, 'u1', send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('stops at the first network failure and keeps the rest for later', async () => {
    const store = memoryStore();
    await store.put(outcome('k1', 't1', '2026-12-01T08:00:00Z'));
    await store.put(outcome('k2', 't2', '2026-12-01T09:00:00Z'));
    const send = vi.fn(async () => Promise.reject(offline()));
    expect(await flushOutbox(store, 'u1', send)).toMatchObject({ sent: [], waiting: 2 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(store.entries.size).toBe(2);
    // A server error or an expired session is retried later too.
    for (const error of [
      new ApiError(503, 'DATABASE_UNAVAILABLE', 'x'),
      new ApiError(401, 'UNAUTHENTICATED', 'x'),
    ]) {
      expect(await flushOutbox(store, 'u1', async () => Promise.reject(error))).toMatchObject({ waiting: 2 });
    }
  });

  it('keeps a refused outcome as a conflict with the server’s reason, and sends the others', async () => {
    const store = memoryStore();
    await store.put(outcome('k1', 't1', '2026-12-01T08:00:00Z'));
    await store.put(outcome('k2', 't2', '2026-12-01T09:00:00Z'));
    const send = vi.fn(async (e: QueuedOutcome) => {
      if (e.taskId === 't1') throw new ApiError(404, 'NOT_FOUND', 'Compito non trovato.');
      return task(e.taskId);
    });
    const report = await flushOutbox(store, 'u1', send);
    expect(report.sent.map((e) => e.key)).toEqual(['k2']);
    expect(store.entries.get('k1')?.conflict).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Compito non trovato.',
    });
    // A conflict is not sent again: it waits for the volunteer to read it.
    await flushOutbox(store, 'u1', send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('runs one round at a time when the network returns twice', async () => {
    const store = memoryStore();
    await store.put(outcome('k1', 't1', '2026-12-01T08:00:00Z'));
    const send = vi.fn(async (e: QueuedOutcome) => task(e.taskId));
    const [a, b] = await Promise.all([flushOnce(store, 'u1', send), flushOnce(store, 'u1', send)]);
    expect(a).toBe(b);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
