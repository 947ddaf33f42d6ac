import { useState } from 'react';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { InterventionTypeForm } from '../../features/interventions/InterventionTypeForm';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

type Flag = 'requiresCar' | 'requiresTimeWindow' | 'healthRisk' | 'recurringAllowed';
const FLAGS: Flag[] = ['requiresCar', 'requiresTimeWindow', 'healthRisk', 'recurringAllowed'];

/** The administrator's list of intervention types, each editable; new types too. */
export function InterventionTypesPage() {
  const { t, locale } = useI18n();
  const interventions = useInterventionTypes();
  const [editing, setEditing] = useState<InterventionType | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const typeName = (x: InterventionType) => (locale === 'en' ? x.nameEn : x.nameIt);

  return (
    <Page
      title={t.protocol.typesTitle}
      lead={t.protocol.typesLead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.protocol.title, to: '/protocollo' },
      ]}
      actions={
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          {t.protocol.newType}
        </button>
      }
    >
      {saved && <SuccessAlert>{t.protocol.typeSaved(saved)}</SuccessAlert>}
      <ApiErrorAlert error={interventions.error} />
      {interventions.loading && interventions.types.length === 0 && <Loading />}
      <DataTable
        caption={t.protocol.typesCaption}
        rows={interventions.types}
        rowKey={(x) => x.id}
        empty={t.protocol.noRules}
        columns={[
          {
            key: 'name',
            header: t.protocol.type,
            render: (x) => <span className="fw-semibold">{typeName(x)}</span>,
          },
          { key: 'id', header: t.protocol.id, render: (x) => <span className="font-monospace">{x.id}</span> },
          {
            key: 'flags',
            header: t.protocol.flags,
            render: (x) =>
              FLAGS.filter((f) => x[f])
                .map((f) => t.protocol[f])
                .join(', ') || t.common.none,
          },
          {
            key: 'minutes',
            header: t.protocol.serviceMinutes,
            numeric: true,
            render: (x) => x.defaultServiceMinutes,
          },
          {
            key: 'active',
            header: t.protocol.active,
            render: (x) => (x.active ? t.common.yes : t.common.no),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (x) => (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(x)}>
                {t.common.edit}
                <span className="visually-hidden">: {typeName(x)}</span>
              </button>
            ),
          },
        ]}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t.protocol.newType : editing ? t.protocol.editType(typeName(editing)) : ''}
        closeLabel={t.protocol.close}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <InterventionTypeForm
            type={editing === 'new' ? null : editing}
            onSaved={(type) => {
              setEditing(null);
              setSaved(typeName(type));
              interventions.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
