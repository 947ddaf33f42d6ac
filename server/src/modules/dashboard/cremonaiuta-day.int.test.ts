import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { setupTestEnv, type Session } from '../../test/harness.js';

/*
 * A whole CremonAiuta day through the API: 300 requests of mixed types from 24 comuni, 120
 * volunteers of 10 organisations, routing by the protocol, assignment from the suggestions,
 * completion. The steering room's figures must equal what this test counted on its own.
 */

const env = await setupTestEnv();
const today = dateInRome();
const TYPES = [
  'groceries_medicines',
  'home_meals',
  'tablets_pupils',
  'masks_over65',
  'food_parcels',
  'shopping_vouchers',
  'covid_groceries_medicines',
  'hospital_transport',
  'donated_food_distribution',
];
const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;

describe('a CremonAiuta day', () => {
  it(
    'routes, assigns and completes 300 requests and the dashboard agrees with independent counts',
    { timeout: 600_000 },
    async () => {
      const admin = await env.loginAs('amministratore', { type: 'all' });
      const operator = await env.loginAs('operatore', { type: 'ambito', id: 'CREMONA' });
      const comuni = (await env.app.inject({ method: 'GET', url: '/api/comuni?ambito=CREMONA' }))
        .json()
        .map((c: { istatCode: string }) => c.istatCode)
        .slice(0, 24) as string[];
      expect(comuni).toHaveLength(24);

      // Ten organisations, each with a coordinator and twelve volunteers covering the whole district.
      const organizations: { id: string; coordinator: Session }[] = [];
      for (let o = 0; o < 10; o++) {
        const id = (
          await env.app.inject({
            method: 'POST',
            url: '/api/organizations',
            headers: admin.headers,
            payload: {
              name: `Associazione ${o + 1}`,
              kind: 'association',
              ambitoId: 'CREMONA',
              comuneCode: null,
            },
          })
        ).json().id as string;
        const user = await env.buildUser({ role: 'coordinatore' });
        await env.database.db.execute(
          sql`UPDATE memberships SET organization_id = ${id} WHERE user_id = ${user.id}`,
        );
        for (let v = 0; v < 12; v++) {
          await env.buildVolunteer({
            organizationId: id,
            comune: comuni[(o * 12 + v) % comuni.length],
            zones: comuni,
            healthTraining: v % 2 === 0,
            maxTasksPerDay: 5,
          });
        }
        organizations.push({ id, coordinator: await env.login(user.email) });
      }
      // The protocol: type i goes first to organisation i, then to the next one.
      for (const [i, type] of TYPES.entries()) {
        const response = await env.app.inject({
          method: 'PUT',
          url: '/api/competence-rules',
          headers: admin.headers,
          payload: {
            interventionTypeId: type,
            scopeType: 'ambito',
            scopeId: 'CREMONA',
            organizationIds: [organizations[i]!.id, organizations[(i + 1) % 10]!.id],
          },
        });
        expect(response.statusCode).toBe(200);
      }

      const expected = {
        byType: new Map<string, number>(),
        byComune: new Map<string, number>(),
        byUrgency: new Map<string, number>(),
        accepted: 0,
        assigned: 0,
        done: 0,
        failed: 0,
      };
      const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
      const routedTo = new Map<string, string>();
      const taskIds: string[] = [];

      for (let i = 0; i < 300; i++) {
        const type = TYPES[i % TYPES.length]!;
        const comune = comuni[(i * 7) % comuni.length]!;
        const urgency = URGENCIES[i % URGENCIES.length]!;
        const beneficiaryId = await env.buildPerson({ comune });
        const created = await env.app.inject({
          method: 'POST',
          url: '/api/requests',
          headers: operator.headers,
          payload: { channel: 'phone', beneficiaryId, interventionTypeId: type, urgency },
        });
        expect(created.statusCode).toBe(201);
        bump(expected.byType, type);
        bump(expected.byComune, comune);
        bump(expected.byUrgency, urgency);
        // One request in ten is outside what the help line does and is rejected with a reason.
        const decision =
          i % 10 === 9
            ? { decision: 'reject', reason: 'Non di competenza del servizio' }
            : { decision: 'accept' };
        const triaged = (
          await env.app.inject({
            method: 'POST',
            url: `/api/requests/${created.json().id}/triage`,
            headers: operator.headers,
            payload: decision,
          })
        ).json();
        if (decision.decision === 'accept') {
          expected.accepted++;
          expect(triaged.organizationId).toBe(organizations[TYPES.indexOf(type)]!.id);
          routedTo.set(triaged.taskIds[0], triaged.organizationId);
          taskIds.push(triaged.taskIds[0]);
        }
      }

      // Each coordinator assigns from the suggestions; some tasks are left for tomorrow's briefing.
      const volunteersUsed = new Set<string>();
      for (const [n, taskId] of taskIds.entries()) {
        if (n % 15 === 14) continue;
        const coordinator = organizations.find((o) => o.id === routedTo.get(taskId))!.coordinator;
        const suggestions = (
          await env.app.inject({
            method: 'GET',
            url: `/api/tasks/${taskId}/suggestions`,
            headers: coordinator.headers,
          })
        ).json();
        const best = suggestions.find((s: { eligible: boolean }) => s.eligible);
        expect(best, `no eligible volunteer for task ${n}`).toBeDefined();
        const assigned = await env.app.inject({
          method: 'POST',
          url: `/api/tasks/${taskId}/assign`,
          headers: coordinator.headers,
          payload: { volunteerId: best.volunteerId },
        });
        expect(assigned.statusCode).toBe(200);
        expected.assigned++;
        volunteersUsed.add(best.volunteerId);
        if (n % 15 === 13) continue;
        const outcome =
          n % 20 === 5
            ? { outcome: 'failed', reason: 'not_home' }
            : { outcome: 'done', moneyAdvancedCents: 1000 + n };
        const completed = await env.app.inject({
          method: 'POST',
          url: `/api/tasks/${taskId}/complete`,
          headers: coordinator.headers,
          payload: outcome,
        });
        expect(completed.statusCode).toBe(200);
        if (outcome.outcome === 'done') expected.done++;
        else expected.failed++;
      }

      const dashboard = (
        await env.app.inject({ method: 'GET', url: `/api/dashboard?date=${today}`, headers: admin.headers })
      ).json();
      const asMap = (buckets: { key: string; count: number }[]) =>
        new Map(buckets.map((b) => [b.key, b.count]));
      expect(dashboard.requestsToday).toBe(300);
      expect(asMap(dashboard.requestsByType)).toEqual(expected.byType);
      expect(asMap(dashboard.requestsByComune)).toEqual(expected.byComune);
      expect(asMap(dashboard.requestsByUrgency)).toEqual(expected.byUrgency);
      expect(dashboard.tasksToday).toBe(expected.accepted);
      expect(dashboard.unassignedToday).toBe(expected.accepted - expected.assigned);
      expect(dashboard.doneToday).toBe(expected.done);
      expect(dashboard.failedToday).toBe(expected.failed);
      expect(dashboard.volunteersActive).toBe(volunteersUsed.size);
      expect(dashboard.awaitingTriage).toBe(0);
      expect(dashboard.trend.at(-1)).toEqual({ date: today, requests: 300, done: expected.done });
      const [open] = await queryRows<{ n: number }>(
        env.database.db,
        sql`SELECT count(*)::int AS n FROM help_requests WHERE status IN ('new', 'accepted')`,
      );
      expect(dashboard.openByComune.reduce((sum: number, c: { open: number }) => sum + c.open, 0)).toBe(
        open!.n,
      );

      // A coordinator's room shows his organisation only.
      const first = (
        await env.app.inject({
          method: 'GET',
          url: `/api/dashboard?date=${today}`,
          headers: organizations[0]!.coordinator.headers,
        })
      ).json();
      expect(first.requestsToday).toBe(
        expected.byType.get(TYPES[0]!)! -
          [...Array(300).keys()].filter((i) => i % 9 === 0 && i % 10 === 9).length,
      );

      const csv = await env.app.inject({
        method: 'GET',
        url: `/api/dashboard/export.csv?date=${today}`,
        headers: admin.headers,
      });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('Riepilogo;Richieste ricevute;300');
    },
  );
});
