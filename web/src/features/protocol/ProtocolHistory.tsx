import { useState } from 'react';
import type {
  CompetenceRule,
  InterventionType,
} from '../../../../shared/src/interventions/interventions.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { scopeKey, versionsOf, type Scope } from './protocol';

interface ProtocolHistoryProps {
  rules: CompetenceRule[];
  types: InterventionType[];
  typeName: (type: InterventionType) => string;
  scopeName: (scope: Scope) => string;
}

/** Every version of the protocol with who set it and when, and when it was replaced. */
export function ProtocolHistory({ rules, types, typeName, scopeName }: ProtocolHistoryProps) {
  const { t, locale } = useI18n();
  const [typeId, setTypeId] = useState('');
  const versions = versionsOf(rules).filter((v) => !typeId || v.interventionTypeId === typeId);
  const nameOfType = (id: string) => {
    const type = types.find((x) => x.id === id);
    return type ? typeName(type) : id;
  };
  return (
    <>
      <SelectField
        id="history-type"
        className="col-12 col-md-6 px-0"
        label={t.protocol.filterType}
        value={typeId}
        onChange={setTypeId}
        options={types.map((x) => ({ value: x.id, label: typeName(x) }))}
        placeholder={t.common.all}
      />
      <DataTable
        caption={t.protocol.historyCaption}
        rows={versions}
        rowKey={(v) => `${v.interventionTypeId}|${scopeKey(v.scope)}|${v.version}`}
        empty={t.protocol.historyEmpty}
        columns={[
          { key: 'type', header: t.protocol.type, render: (v) => nameOfType(v.interventionTypeId) },
          { key: 'scope', header: t.protocol.territory, render: (v) => scopeName(v.scope) },
          { key: 'version', header: t.protocol.version, numeric: true, render: (v) => v.version },
          {
            key: 'organizations',
            header: t.protocol.organizations,
            render: (v) => (
              <ol className="mb-0 ps-3">
                {v.organizations.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ol>
            ),
          },
          {
            key: 'created',
            header: t.protocol.createdAt,
            render: (v) => `${formatDateTime(v.createdAt, locale)} · ${v.createdBy ?? t.protocol.system}`,
          },
          {
            key: 'retired',
            header: t.protocol.retired,
            render: (v) =>
              v.retiredAt
                ? t.protocol.retiredLine(formatDateTime(v.retiredAt, locale), v.retiredBy ?? '')
                : t.protocol.inForce,
          },
        ]}
      />
    </>
  );
}
