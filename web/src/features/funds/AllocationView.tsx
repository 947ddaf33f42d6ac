import type { Allocation } from '../../../../shared/src/funds/funds.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { DataTable } from '../../ui/DataTable';
import { ShareMap } from './ShareMap';

/** An allocation (preview or confirmed): its sub-ambiti, a map and every comune's share. */
export function AllocationView({ allocation, comuni }: { allocation: Allocation; comuni: Comune[] }) {
  const { t, locale } = useI18n();
  const f = t.funds.allocation;
  const byCode = new Map(allocation.shares.map((s) => [s.comuneCode, s]));
  const shown = comuni.filter((c) => byCode.has(c.istatCode));
  const perResident = (c: Comune) => {
    const s = byCode.get(c.istatCode);
    return s && c.population > 0 ? s.amountCents / c.population : null;
  };
  const maxPerResident = Math.max(0, ...shown.map((c) => perResident(c) ?? 0));
  const confirmed = allocation.id !== null;
  const groupName = new Map(allocation.groups.map((g) => [g.subAmbitoId, g.name]));
  const spentByGroup = new Map<string | null, number>();
  for (const s of allocation.shares)
    spentByGroup.set(s.subAmbitoId, (spentByGroup.get(s.subAmbitoId) ?? 0) + s.spentCents);
  const groupSpent = (g: Allocation['groups'][number]) => spentByGroup.get(g.subAmbitoId) ?? 0;
  const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
  // A sub-ambito's colour: the share of its amount spent (confirmed) or its share per resident (preview).
  const groupPopulation = new Map<string | null, number>();
  for (const c of shown) {
    const sub = byCode.get(c.istatCode)!.subAmbitoId;
    groupPopulation.set(sub, (groupPopulation.get(sub) ?? 0) + c.population);
  }
  const groupPerResident = (g: Allocation['groups'][number]) =>
    g.amountCents / Math.max(1, groupPopulation.get(g.subAmbitoId) ?? 0);
  const maxGroupPerResident = Math.max(0, ...allocation.groups.map(groupPerResident));
  const groupValue = new Map(
    allocation.groups.map((g) => [
      g.subAmbitoId,
      confirmed
        ? g.amountCents > 0
          ? groupSpent(g) / g.amountCents
          : 0
        : maxGroupPerResident > 0
          ? groupPerResident(g) / maxGroupPerResident
          : null,
    ]),
  );
  return (
    <>
      {allocation.groups.length > 0 && (
        <section aria-labelledby="groups-title" className="mb-4">
          <h2 id="groups-title" className="h4">
            {f.groups}
          </h2>
          <p className="small">{f.illustrative}</p>
          <DataTable
            caption={f.groups}
            rows={allocation.groups}
            rowKey={(g) => g.subAmbitoId ?? '-'}
            empty={t.funds.none}
            columns={[
              { key: 'name', header: f.subAmbito, render: (g) => g.name },
              {
                key: 'weight',
                header: f.weight,
                numeric: true,
                render: (g) => formatNumber(g.weight, locale),
              },
              {
                key: 'amount',
                header: f.share,
                numeric: true,
                render: (g) => formatCents(g.amountCents, locale),
              },
              ...(confirmed
                ? [
                    {
                      key: 'spent',
                      header: t.funds.spending.spentBySubAmbito,
                      numeric: true,
                      render: (g: Allocation['groups'][number]) => formatCents(groupSpent(g), locale),
                    },
                    {
                      key: 'pct',
                      header: t.funds.spending.percent,
                      numeric: true,
                      render: (g: Allocation['groups'][number]) =>
                        `${formatNumber(percentOf(groupSpent(g), g.amountCents), locale)} %`,
                    },
                  ]
                : []),
            ]}
          />
        </section>
      )}
      <div className="row g-4 mb-4">
        <div className="col-12 col-lg-6">
          {allocation.groups.length > 0 && <h2 className="h5">{f.mapByComune}</h2>}
          <ShareMap
            comuni={shown}
            caption={confirmed ? f.spentMapCaption : f.mapCaption}
            value={(c) => {
              const s = byCode.get(c.istatCode);
              if (!s) return null;
              if (confirmed) return s.amountCents > 0 ? s.spentCents / s.amountCents : 0;
              const v = perResident(c);
              return v === null || maxPerResident === 0 ? null : v / maxPerResident;
            }}
          />
        </div>
        {allocation.groups.length > 0 && (
          <div className="col-12 col-lg-6">
            <h2 className="h5">{f.mapBySubAmbito}</h2>
            <ShareMap
              comuni={shown}
              caption={confirmed ? f.subAmbitoSpentMapCaption : f.subAmbitoMapCaption}
              value={(c) => groupValue.get(byCode.get(c.istatCode)?.subAmbitoId ?? null) ?? null}
              legend={{
                title: f.legend,
                items: allocation.groups.map((g) => ({
                  key: g.subAmbitoId ?? '-',
                  label: confirmed
                    ? f.legendSpent(g.name, formatNumber(percentOf(groupSpent(g), g.amountCents), locale))
                    : f.legendShare(g.name, formatCents(g.amountCents, locale)),
                  value: groupValue.get(g.subAmbitoId) ?? null,
                })),
              }}
            />
          </div>
        )}
      </div>
      <h2 className="h4">{f.sharesCaption(allocation.shares.length)}</h2>
      <DataTable
        caption={f.sharesCaption(allocation.shares.length)}
        rows={allocation.shares}
        rowKey={(s) => s.comuneCode}
        empty={t.funds.none}
        columns={[
          { key: 'comune', header: f.comune, render: (s) => s.comuneName },
          { key: 'sub', header: f.subAmbito, render: (s) => groupName.get(s.subAmbitoId) ?? t.common.none },
          { key: 'weight', header: f.weight, numeric: true, render: (s) => formatNumber(s.weight, locale) },
          { key: 'share', header: f.share, numeric: true, render: (s) => formatCents(s.amountCents, locale) },
          ...(confirmed
            ? [
                {
                  key: 'spent',
                  header: t.funds.spent,
                  numeric: true,
                  render: (s: Allocation['shares'][number]) => formatCents(s.spentCents, locale),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
