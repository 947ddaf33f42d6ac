import { useCallback, useEffect, useState } from 'react';
import type { CompleteBody, Task } from '../../../../shared/src/tasks/tasks.schemas';
import { completeTask } from '../tasks/api';
import { flushOnce, recordOutcome, type QueuedOutcome, type Send } from './outbox';
import { outboxStore } from './outboxStore';

/** A fresh Idempotency-Key (crypto.getRandomValues works on any page, randomUUID only on https). */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const send: Send = (entry) => completeTask(entry.taskId, entry.body, entry.key);

/**
 * The volunteer's queue of outcomes recorded offline: sent when the page opens online and when the
 * network returns; `onSent` reloads the day once something went through.
 */
export function useOutbox(userId: string, onSent: () => void) {
  const [entries, setEntries] = useState<QueuedOutcome[]>([]);

  const refresh = useCallback(async () => {
    setEntries((await outboxStore.all()).filter((entry) => entry.userId === userId));
  }, [userId]);

  const flush = useCallback(async () => {
    const report = await flushOnce(outboxStore, userId, send);
    await refresh();
    if (report.sent.length > 0 || report.conflicts.length > 0) onSent();
  }, [userId, refresh, onSent]);

  useEffect(() => {
    void refresh().then(() => (navigator.onLine ? flush() : undefined));
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [refresh, flush]);

  const record = useCallback(
    async (task: Task, label: string, body: CompleteBody) => {
      const result = await recordOutcome(
        outboxStore,
        { key: newKey(), userId, taskId: task.id, label, body, queuedAt: new Date().toISOString() },
        send,
      );
      await refresh();
      return result;
    },
    [userId, refresh],
  );

  const dismiss = useCallback(
    async (key: string) => {
      await outboxStore.remove(key);
      await refresh();
    },
    [refresh],
  );

  return {
    waiting: entries.filter((entry) => entry.conflict === null),
    conflicts: entries.filter((entry) => entry.conflict !== null),
    record,
    dismiss,
  };
}
