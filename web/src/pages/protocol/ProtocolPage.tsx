import { useState } from 'react';
import { Link } from 'react-router';
import type {
  CompetenceRule,
  InterventionType,
} from '../../../../shared/src/interventions/interventions.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { rulesPath } from '../../features/protocol/api';
import { CompetenceEditor } from '../../features/protocol/CompetenceEditor';
import { ProtocolHistory } from '../../features/protocol/ProtocolHistory';
import { ProtocolMatrix } from '../../features/protocol/ProtocolMatrix';
import type { Scope } from '../../features/protocol/protocol';
import { useScopeName } from '../../features/protocol/useScopeName';
import { useCan } from '../../features/session/SessionProvider';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/**
 * The operating protocol as a matrix (type × territory → organisations in order); an
 * administrator changes a cell, which makes a new version; every version stays readable.
 */
export function ProtocolPage() {
  const { t, locale } = useI18n();
  const canManage = useCan('competence.manage');
  const canManageTypes = useCan('interventionType.manage');
  const territory = useTerritory();
  const interventions = useInterventionTypes();
  const rules = useApi<CompetenceRule[]>(rulesPath(true));
  const scopeName = useScopeName(territory.ambiti, territory.comuni);
  const [editing, setEditing] = useState<{ typeId: string; scope: Scope } | null>(null);
  const [saved, setSaved] = useState(false);
  const typeName = (x: InterventionType) => (locale === 'en' ? x.nameEn : x.nameIt);
  const edit = (cell: { typeId: string; scope: Scope }) => {
    setSaved(false);
    setEditing(cell);
  };
  const all = rules.data ?? [];

  return (
    <Page
      title={t.protocol.title}
      lead={t.protocol.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        <>
          {canManage && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => edit({ typeId: '', scope: { type: 'ambito', id: null } })}
            >
              {t.protocol.newRule}
            </button>
          )}
          {canManageTypes && (
            <Link to="/protocollo/tipi-di-intervento" className="btn btn-outline-primary">
              {t.protocol.typesLink}
            </Link>
          )}
        </>
      }
    >
      {saved && <SuccessAlert>{t.protocol.saved}</SuccessAlert>}
      <ApiErrorAlert error={rules.error ?? interventions.error ?? territory.error} />
      {(rules.loading || interventions.loading || territory.loading) && !rules.data && <Loading />}
      {rules.data && (
        <>
          <section aria-labelledby="matrix-title" className="mb-5">
            <h2 id="matrix-title" className="h4">
              {t.protocol.matrixTitle}
            </h2>
            <ProtocolMatrix
              types={interventions.types}
              typeName={typeName}
              rules={all}
              scopeName={scopeName}
              onEdit={canManage ? (type, scope) => edit({ typeId: type.id, scope }) : undefined}
            />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title" className="h4">
              {t.protocol.historyTitle}
            </h2>
            <p>{t.protocol.historyLead}</p>
            <ProtocolHistory
              rules={all}
              types={interventions.types}
              typeName={typeName}
              scopeName={scopeName}
            />
          </section>
        </>
      )}
      <Dialog
        open={editing !== null}
        title={t.protocol.editorTitle}
        closeLabel={t.protocol.close}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <CompetenceEditor
            initial={editing}
            rules={all}
            types={interventions.types}
            typeName={typeName}
            ambiti={territory.ambiti}
            comuni={territory.comuni}
            onSaved={() => {
              setEditing(null);
              setSaved(true);
              rules.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
