import type { Ambito } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';

/** The figures of the population chart, readable by everyone. */
export function AmbitiTable({ ambiti }: { ambiti: Ambito[] }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={t.territory.ambitiCaption}
      rows={ambiti}
      rowKey={(a) => a.id}
      empty={t.common.none}
      columns={[
        {
          key: 'name',
          header: t.territory.ambito,
          render: (a) => <span className="fw-semibold">{a.name}</span>,
        },
        { key: 'lead', header: t.territory.leadComune, render: (a) => a.leadComuneName ?? t.common.none },
        { key: 'comuni', header: t.territory.comuniCount, numeric: true, render: (a) => a.comuniCount },
        {
          key: 'population',
          header: t.territory.population,
          numeric: true,
          render: (a) => formatNumber(a.population, locale),
        },
        {
          key: 'sub',
          header: t.territory.subAmbiti,
          render: (a) => (a.subAmbiti.length ? a.subAmbiti.map((s) => s.name).join(', ') : t.common.none),
        },
      ]}
    />
  );
}
