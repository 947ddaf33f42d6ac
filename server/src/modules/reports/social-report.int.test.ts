import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { unsafeSystemTransaction } from '../../platform/access/access.js';
import { queryRows, sql } from '../../platform/db/database.js';
import type { ReportTable, SocialReport } from '../../../../shared/src/reports/social-report.schemas.js';
import { pdfText } from '../../test/pdf-text.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';
import { auditDisclosure, MIN_CELL, suppressTables } from './disclosure.js';
import { resolveTerritory } from './reports.territory.js';
import { gatherCounts, tablesOf } from './social-report.figures.js';

const env = await setupTestEnv();
const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const cremascoAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
const operator = await env.loginAs('operatore');

const SORESINA = '019098';
const PIZZIGHETTONE = '019076';
const CASTELVISCONTI = '019027'; // 282 residents (ISTAT 2021): published with the other small comuni
const YEAR = 2025;
const TYPES = ['groceries_medicines', 'home_meals', 'hospital_transport', 'food_parcels'];
const CHANNELS = ['phone', 'web', 'access_point', 'social_worker'];
const URGENCIES = ['low', 'normal', 'high', 'critical'];
const AREAS = ['elderly', 'disability', 'poverty'];

/*
 * A small generated year, described here record by record so that the test counts every figure
 * itself (in JavaScript) and compares it with what the report computed in SQL.
 */
interface Person {
  i: number;
  comune: string;
  birthYear: number;
  sex: 'F' | 'M';
  livesAlone: boolean;
}
interface Request {
  person: Person;
  year: number;
  type: string;
  channel: string;
  urgency: string;
  status: 'new' | 'accepted' | 'completed' | 'rejected';
  hours: number;
  volunteer: number;
  minutes: number;
}
interface Case {
  person: Person;
  area: string;
  opened: number;
  closed: number | null;
}
const comuni = [CREMONA, CREMONA, CREMONA, SORESINA, SORESINA, PIZZIGHETTONE];
const people: Person[] = Array.from({ length: 150 }, (_, i) => ({
  i,
  comune: comuni[i % comuni.length]!,
  birthYear: 1925 + ((i * 7) % 90),
  sex: i % 3 === 0 ? 'M' : 'F',
  livesAlone: i % 4 === 0,
}));
// The adversarial comune: three people, three requests, three cases of one kind.
for (let i = 0; i < 3; i += 1)
  people.push({ i: 150 + i, comune: CASTELVISCONTI, birthYear: 1940 + i, sex: 'F', livesAlone: true });
const requests: Request[] = [];
people.forEach((person, i) => {
  const n = person.comune === CASTELVISCONTI ? 1 : 1 + (i % 3);
  for (let k = 0; k < n; k += 1) {
    const j = requests.length;
    requests.push({
      person,
      year: j % 10 === 0 ? YEAR - 1 : YEAR,
      type: TYPES[(j * 5) % TYPES.length]!,
      channel: CHANNELS[j % CHANNELS.length]!,
      urgency: URGENCIES[(j >> 1) % URGENCIES.length]!,
      status: (['completed', 'completed', 'accepted', 'completed', 'new', 'rejected'] as const)[j % 6]!,
      hours: 2 + ((j * 13) % 70),
      volunteer: j % 9,
      minutes: 30 + (j % 3) * 15,
    });
  }
});
const cases: Case[] = people
  .filter((p) => p.i % 5 === 0 || p.comune === CASTELVISCONTI)
  .map((person, k) => ({
    person,
    area: person.comune === CASTELVISCONTI ? 'disability' : AREAS[k % AREAS.length]!,
    opened: k % 7 === 0 ? YEAR - 1 : YEAR,
    closed: k % 4 === 0 ? YEAR : null,
  }));
// A request in Crema: another Ambito, in no table of the Cremonese.
const cremaPerson: Person = { i: 999, comune: CREMA, birthYear: 1950, sex: 'M', livesAlone: false };

async function insertYear(): Promise<void> {
  const db = env.database.db;
  const everyone = [...people, cremaPerson];
  const ids = await queryRows<{ id: string; i: number }>(
    db,
    sql`INSERT INTO people (codice_fiscale, given_name, family_name, search_name, birth_date, sex, comune_code, lives_alone)
        SELECT NULL, 'Persona', 'Prova ' || x.i, 'persona prova ' || x.i, make_date(x.birth_year, 6, 15), x.sex, x.comune, x.lives_alone
        FROM jsonb_to_recordset(${JSON.stringify(everyone.map((p) => ({ i: p.i, birth_year: p.birthYear, sex: p.sex, comune: p.comune, lives_alone: p.livesAlone })))}::jsonb)
          AS x(i int, birth_year int, sex text, comune text, lives_alone boolean)
        RETURNING id, (regexp_replace(family_name, '\\D', '', 'g'))::int AS i`,
  );
  const idOf = new Map(ids.map((r) => [r.i, r.id]));
  const volunteers: string[] = [];
  for (let v = 0; v < 9; v += 1) volunteers.push(await env.buildVolunteer({ organizationId: null }));
  const rows = [...requests, { ...requests[1]!, person: cremaPerson }].map((r, j) => ({
    person: idOf.get(r.person.i),
    comune: r.person.comune,
    created: `${r.year}-${String(1 + (j % 12)).padStart(2, '0')}-${String(1 + (j % 27)).padStart(2, '0')}T09:00:00+01:00`,
    type: r.type,
    channel: r.channel,
    urgency: r.urgency,
    status: r.status,
    hours: r.hours,
    volunteer: r.status === 'completed' ? volunteers[r.volunteer] : null,
    minutes: r.minutes,
  }));
  await db.execute(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(person uuid, comune text, created timestamptz, type text, channel text, urgency text, status text,
             hours int, volunteer uuid, minutes int)),
    r AS (
      INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, urgency, status, created_at, completed_at)
      SELECT channel, person, comune, type, urgency, status, created,
             CASE WHEN status = 'completed' THEN created + make_interval(hours => hours) END
      FROM x RETURNING id, beneficiary_id, intervention_type_id, created_at, status)
    INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, service_minutes)
    SELECT r.id, x.comune, x.type, (r.created_at AT TIME ZONE 'Europe/Rome')::date, 'done', x.volunteer, x.minutes
    FROM r JOIN x ON x.person = r.beneficiary_id AND x.created = r.created_at AND x.type = r.intervention_type_id
    WHERE r.status = 'completed'`);
  const [team] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO social_teams (name, comune_code) VALUES ('Équipe prova', ${CREMONA}) RETURNING id`,
  );
  await db.execute(sql`
    INSERT INTO cases (person_id, comune_code, area, source, reason, responsible_user_id, team_id, status, outcome, opened_on, closed_on)
    SELECT x.person, x.comune, x.area, 'self', 'Prova', ${admin.userId}, ${team!.id},
           CASE WHEN x.closed IS NULL THEN 'open' ELSE 'closed' END, CASE WHEN x.closed IS NULL THEN NULL ELSE 'Concluso' END,
           make_date(x.opened, 3, 1), CASE WHEN x.closed IS NULL THEN NULL ELSE make_date(x.closed, 11, 1) END
    FROM jsonb_to_recordset(${JSON.stringify(cases.map((c) => ({ person: idOf.get(c.person.i), comune: c.person.comune, area: c.area, opened: c.opened, closed: c.closed })))}::jsonb)
      AS x(person uuid, comune text, area text, opened int, closed int)`);
}
await insertYear();

const api = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers?: Record<string, string>,
  payload?: unknown,
) =>
  env.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) } as never);

async function generateAndWait(territory = 'ambito-cremonese'): Promise<SocialReport> {
  const queued = await api('POST', `/api/reports/${YEAR}/${territory}/generate`, admin.headers);
  expect(queued.statusCode).toBe(202);
  expect(queued.json().status).toBe('generating');
  for (let i = 0; i < 300; i += 1) {
    const now = await api('GET', `/api/reports/${queued.json().id}`, admin.headers);
    if (now.json().status !== 'generating') return now.json();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the report was not generated');
}

// The test's own counts.
const inYear = requests.filter((r) => r.year === YEAR);
const smallComuni = new Set([CASTELVISCONTI]);
const areaOf = (comune: string) => (smallComuni.has(comune) ? 'altri-CREMONA' : comune);
const ageBand = (birthYear: number) => {
  const age = YEAR - birthYear; // on 31 December, born on 15 June
  return age < 18 ? '0-17' : age < 65 ? '18-64' : age < 75 ? '65-74' : age < 85 ? '75-84' : '85+';
};
const reached = [...new Set(inYear.map((r) => r.person))];
const count = <T>(items: readonly T[], by: (t: T) => string) => {
  const out = new Map<string, number>();
  for (const item of items) out.set(by(item), (out.get(by(item)) ?? 0) + 1);
  return out;
};
const expectedTables: Record<string, Map<string, number>> = {
  'requests-by-type': count(inYear, (r) => `${areaOf(r.person.comune)}|${r.type}`),
  'requests-by-channel': count(inYear, (r) => `${areaOf(r.person.comune)}|${r.channel}`),
  'requests-by-urgency': count(inYear, (r) => `${areaOf(r.person.comune)}|${r.urgency}`),
  'requests-by-outcome': count(inYear, (r) => `${areaOf(r.person.comune)}|${r.status}`),
  'people-reached-by-age-band': count(reached, (p) => `${areaOf(p.comune)}|${ageBand(p.birthYear)}`),
  'people-reached-by-sex': count(reached, (p) => `${areaOf(p.comune)}|${p.sex}`),
  'people-reached-by-household': count(
    reached,
    (p) => `${areaOf(p.comune)}|${p.livesAlone ? 'alone' : 'not_recorded'}`,
  ),
  'cases-opened-by-area': count(
    cases.filter((c) => c.opened === YEAR),
    (c) => `${areaOf(c.person.comune)}|${c.area}`,
  ),
  'cases-closed-by-area': count(
    cases.filter((c) => c.closed === YEAR),
    (c) => `${areaOf(c.person.comune)}|${c.area}`,
  ),
};
const sumWhere = (table: Map<string, number>, match: (area: string, column: string) => boolean) =>
  [...table].filter(([key]) => match(...(key.split('|') as [string, string]))).reduce((s, [, n]) => s + n, 0);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (at - lo);
};

let generated: SocialReport;

describe('the annual social report', () => {
  it('asks for a login, the right and the territory before generating', async () => {
    expect((await api('POST', `/api/reports/${YEAR}/ambito-cremonese/generate`)).statusCode).toBe(401);
    expect(
      (await api('POST', `/api/reports/${YEAR}/ambito-cremonese/generate`, operator.headers)).statusCode,
    ).toBe(403);
    expect(
      (await api('POST', `/api/reports/${YEAR}/ambito-cremonese/generate`, cremascoAdmin.headers)).statusCode,
    ).toBe(404);
    expect(
      (await api('POST', `/api/reports/${YEAR}/provincia-di-cremona/generate`, admin.headers)).statusCode,
    ).toBe(404);
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM social_reports`,
    );
    expect(n).toBe(0);
  });

  it('generates in the job queue a draft whose every figure equals the test’s own count', async () => {
    generated = await generateAndWait();
    expect(generated).toMatchObject({
      status: 'draft',
      version: 1,
      territoryName: expect.stringMatching(/Cremonese/),
    });
    const figures = generated.figures!;
    const codes = figures.areas.map((a) => a.code);
    expect(codes).not.toContain(CASTELVISCONTI);
    expect(codes).toContain('altri-CREMONA');
    let checked = 0;
    for (const table of figures.tables) {
      const expected = expectedTables[table.id]!;
      expect(expected, table.id).toBeDefined();
      const check = (shown: number | null, truth: number) => {
        // Nothing under five is ever shown; what is shown is the true count (hidden ones may be larger:
        // secondary suppression).
        if (truth < MIN_CELL) expect(shown).toBeNull();
        if (shown !== null) {
          expect(shown).toBe(truth);
          checked += 1;
        }
      };
      codes.forEach((area, r) => {
        table.columns.forEach((column, c) =>
          check(table.cells[r]![c]!, expected.get(`${area}|${column.key}`) ?? 0),
        );
        check(
          table.rowTotals[r]!,
          sumWhere(expected, (a) => a === area),
        );
      });
      table.columns.forEach((column, c) =>
        check(
          table.columnTotals[c]!,
          sumWhere(expected, (_, k) => k === column.key),
        ),
      );
      check(
        table.total,
        sumWhere(expected, () => true),
      );
    }
    // Most figures are large enough to be shown and checked.
    expect(checked).toBeGreaterThan(60);
    expect(figures.tables.find((t) => t.id === 'requests-by-type')!.total).toBe(inYear.length);

    const done = inYear.filter((r) => r.status === 'completed');
    expect(figures.responseTimes.completed).toBe(done.length);
    expect(figures.responseTimes.medianHours).toBeCloseTo(
      percentile(
        done.map((r) => r.hours),
        0.5,
      ),
      1,
    );
    expect(figures.responseTimes.p90Hours).toBeCloseTo(
      percentile(
        done.map((r) => r.hours),
        0.9,
      ),
      1,
    );
    expect(figures.volunteers.active).toBe(new Set(done.map((r) => r.volunteer)).size);
    expect(figures.volunteers.tasksDone).toBe(done.length);
    expect(figures.volunteers.hours).toBeCloseTo(done.reduce((s, r) => s + r.minutes, 0) / 60, 1);
    // Trends: last year's requests and people, this year's from the tables.
    const last = requests.filter((r) => r.year === YEAR - 1);
    const trend = (y: number) => figures.trends.find((t) => t.year === y)!;
    expect(trend(YEAR - 1).requests).toBe(last.length);
    expect(trend(YEAR - 1).peopleReached).toBe(new Set(last.map((r) => r.person)).size);
    expect(trend(YEAR - 1).casesOpened).toBe(cases.filter((c) => c.opened === YEAR - 1).length);
    expect(trend(YEAR).requests).toBe(inYear.length);
    expect(trend(YEAR - 3).requests).toBeNull();
  });

  it('gives the same figures when generated again from the same data', async () => {
    const again = await generateAndWait();
    expect(again.version).toBe(2);
    expect(again.figures).toEqual(generated.figures);
  });

  it('never lets the three cases of a comune of 282 residents be recovered from the tables together', async () => {
    const tables = await unsafeSystemTransaction(systemContext(env.database), async (tx) => {
      const territory = await resolveTerritory(tx, 'ambito-cremonese');
      return tablesOf(territory, YEAR, await gatherCounts(tx, territory, YEAR)).countTables;
    });
    const published = await suppressTables(tables);
    const bounds = await auditDisclosure(tables, published);
    expect(bounds.length).toBeGreaterThan(0);
    for (const b of bounds) expect(b.upper - b.lower, b.key).toBeGreaterThanOrEqual(MIN_CELL);
    // And the published report is that same pattern.
    const byArea = generated.figures!.tables.find((t) => t.id === 'cases-opened-by-area')!;
    expect(byArea.cells).toEqual(published.find((p) => p.id === 'cases-opened-by-area')!.cells);
    // The comune's own report hides everything about its three people.
    const own = await generateAndWait(`comune-${CASTELVISCONTI}`);
    for (const table of own.figures!.tables) {
      expect(
        [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total].every(
          (v) => v === null,
        ),
      ).toBe(true);
    }
  });

  it('keeps the staff’s narrative, publishes a frozen version and refuses to change it', async () => {
    const text = 'Nel 2025 sono cresciute le richieste di spesa a domicilio.';
    const edited = await api('PUT', `/api/reports/${generated.id}/narrative`, admin.headers, {
      narrative: { introduzione: `  ${text} `, buone_pratiche: 'La rete di CremonAiuta.' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().narrative.introduzione).toBe(text);
    const bad = await api('PUT', `/api/reports/${generated.id}/narrative`, admin.headers, {
      narrative: { unknown_section: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const published = await api('POST', `/api/reports/${generated.id}/publish`, admin.headers);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', narrative: { introduzione: text } });
    expect((await api('POST', `/api/reports/${generated.id}/publish`, admin.headers)).statusCode).toBe(409);
    const late = await api('PUT', `/api/reports/${generated.id}/narrative`, admin.headers, {
      narrative: { introduzione: 'Cambiato' },
    });
    expect(late.statusCode).toBe(409);
    await expect(
      env.database.db.execute(
        sql`UPDATE social_reports SET figures = '{}'::jsonb WHERE id = ${generated.id}`,
      ),
    ).rejects.toThrow();
    // New data for the year change nothing of what was published.
    await env.database.db.execute(sql`
      INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, created_at)
      SELECT 'phone', id, comune_code, 'home_meals', '2025-05-05T10:00:00+02:00' FROM people WHERE comune_code = ${CREMONA} LIMIT 20`);
    const publicView = await api('GET', `/api/social-reports/${YEAR}/ambito-cremonese`);
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().figures).toEqual(generated.figures);
    expect(publicView.json().narrative.introduzione).toBe(text);
    const list = await api('GET', '/api/social-reports');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([generated.id]);
    const audit = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'social_report' AND entity_id = ${generated.id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'social_report.generate',
      'social_report.narrative',
      'social_report.publish',
    ]);
  });

  it('publishes the report’s tables as open data that parse and match it', async () => {
    const figures = generated.figures!;
    const catalog = (await api('GET', '/api/open-data')).json();
    const ours = catalog.datasets.filter(
      (d: { territory: string; year: number }) => d.territory === 'ambito-cremonese' && d.year === YEAR,
    );
    expect(
      ours.map((d: { dataset?: string; identifier: string }) => d.identifier.split(':')[3]).sort(),
    ).toEqual(figures.tables.map((t) => t.id).sort());
    for (const table of figures.tables) {
      const response = await api('GET', `/api/open-data/${YEAR}/ambito-cremonese/${table.id}.csv`);
      expect(response.statusCode).toBe(200);
      const rows = parse(response.body, { columns: true }) as Record<string, string>[];
      const value = (area: string, column: string) => {
        const row = rows.find((r) => r.comune_istat === area && Object.values(r)[4] === column)!;
        return row.valore === 'c' ? null : Number(row.valore);
      };
      const t: ReportTable = table;
      figures.areas.forEach((area, r) => {
        t.columns.forEach((c, k) => expect(value(area.code, c.key)).toBe(t.cells[r]![k]));
        expect(value(area.code, 'TOTALE')).toBe(t.rowTotals[r]);
      });
      expect(value('TOTALE', 'TOTALE')).toBe(t.total);
      for (const row of rows) expect(row.valore === 'c' || Number(row.valore) >= MIN_CELL).toBe(true);
    }
  });

  it('prints the published figures in the PDF, for staff and for anyone', async () => {
    const total = generated.figures!.tables.find((t) => t.id === 'requests-by-type')!.total!;
    for (const url of [
      `/api/reports/${generated.id}/report.pdf`,
      `/api/social-reports/${YEAR}/ambito-cremonese/report.pdf`,
    ]) {
      const response = await api('GET', url, url.startsWith('/api/reports') ? admin.headers : undefined);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = pdfText(response.rawPayload);
      expect(text).toContain('Rapporto sociale 2025');
      expect(text).toContain('Nel 2025 sono cresciute le richieste');
      expect(text).toContain(`richieste ${total.toLocaleString('it-IT')}`);
    }
    expect(
      (await api('GET', `/api/reports/${generated.id}/report.pdf`, cremascoAdmin.headers)).statusCode,
    ).toBe(404);
    expect((await api('GET', `/api/social-reports/2019/ambito-cremonese/report.pdf`)).statusCode).toBe(404);
  });

  it('lists only the versions of the territories the administrator covers', async () => {
    const mine = await api('GET', '/api/reports', admin.headers);
    expect(mine.json().items.length).toBeGreaterThanOrEqual(3);
    const theirs = await api('GET', '/api/reports', cremascoAdmin.headers);
    expect(theirs.json().items).toEqual([]);
    expect((await api('GET', `/api/reports/${generated.id}`, cremascoAdmin.headers)).statusCode).toBe(404);
  });
});
