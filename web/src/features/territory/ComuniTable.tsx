import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable, type Column } from '../../ui/DataTable';

interface ComuniTableProps {
  comuni: Comune[];
  ambiti: Ambito[];
  /** Given to administrators: a "Riassegna" button per comune. */
  onReassign?: (comune: Comune) => void;
}

export function ComuniTable({ comuni, ambiti, onReassign }: ComuniTableProps) {
  const { t, locale } = useI18n();
  const ambitoName = (id: string) => ambiti.find((a) => a.id === id)?.name ?? id;
  const subAmbitoName = (c: Comune) =>
    ambiti.flatMap((a) => a.subAmbiti).find((s) => s.id === c.subAmbitoId)?.name ?? t.common.none;
  const columns: Column<Comune>[] = [
    { key: 'name', header: t.territory.comune, render: (c) => <span className="fw-semibold">{c.name}</span> },
    {
      key: 'istat',
      header: t.territory.istatCode,
      render: (c) => <span className="font-monospace">{c.istatCode}</span>,
    },
    {
      key: 'population',
      header: t.territory.population,
      numeric: true,
      render: (c) => formatNumber(c.population, locale),
    },
    { key: 'ambito', header: t.territory.ambito, render: (c) => ambitoName(c.ambitoId) },
    { key: 'sub', header: t.territory.subAmbito, render: subAmbitoName },
  ];
  if (onReassign) {
    columns.push({
      key: 'actions',
      header: t.common.actions,
      render: (c) => (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onReassign(c)}>
          {t.territory.reassign}
          <span className="visually-hidden"> {c.name}</span>
        </button>
      ),
    });
  }
  return (
    <DataTable
      caption={t.territory.comuniCaption}
      rows={comuni}
      rowKey={(c) => c.istatCode}
      empty={t.territory.noComuni}
      columns={columns}
    />
  );
}
