import { useState } from 'react';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { useCan } from '../../features/session/SessionProvider';
import { AmbitiTable } from '../../features/territory/AmbitiTable';
import { ComuniMap } from '../../features/territory/ComuniMap';
import { ComuniTable } from '../../features/territory/ComuniTable';
import { PopulationChart } from '../../features/territory/PopulationChart';
import { ReassignComuneForm } from '../../features/territory/ReassignComuneForm';
import { SubAmbitoForm } from '../../features/territory/SubAmbitoForm';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The real comuni of the province by Ambito: population chart, map, list; administrators re-assign. */
export function ComuniPage() {
  const { t, locale } = useI18n();
  const canManage = useCan('territory.manage');
  const territory = useTerritory();
  const [ambito, setAmbito] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Comune | null>(null);
  const [moved, setMoved] = useState<string | null>(null);

  const shown = territory.comuni.filter(
    (c) => (!ambito || c.ambitoId === ambito) && fold(c.name).includes(fold(query.trim())),
  );
  const shownPopulation = shown.reduce((sum, c) => sum + c.population, 0);

  return (
    <Page title={t.territory.title} lead={t.territory.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <ApiErrorAlert error={territory.error} />
      {territory.loading && territory.comuni.length === 0 && <Loading />}
      {territory.ambiti.length > 0 && (
        <section aria-labelledby="ambiti-title" className="mb-5">
          <h2 id="ambiti-title" className="h4">
            {t.territory.ambitiTitle}
          </h2>
          <div className="row g-4">
            <div className="col-12 col-lg-6">
              <PopulationChart ambiti={territory.ambiti} />
            </div>
            <div className="col-12 col-lg-6">
              <ComuniMap comuni={territory.comuni} ambiti={territory.ambiti} />
            </div>
          </div>
          <AmbitiTable ambiti={territory.ambiti} />
          {canManage && <SubAmbitoForm ambiti={territory.ambiti} onDone={territory.reload} />}
        </section>
      )}
      {territory.comuni.length > 0 && (
        <section aria-labelledby="comuni-title">
          <h2 id="comuni-title" className="h4">
            {t.territory.comuniTitle}
          </h2>
          <form role="search" className="row" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              id="comuni-ambito"
              className="col-12 col-md-6"
              label={t.territory.ambito}
              value={ambito}
              onChange={setAmbito}
              options={territory.ambiti.map((a) => ({ value: a.id, label: a.name }))}
              placeholder={t.common.all}
            />
            <TextField
              id="comuni-q"
              className="col-12 col-md-6"
              type="search"
              label={t.territory.searchComune}
              value={query}
              onChange={setQuery}
            />
          </form>
          <p aria-live="polite" className="fw-semibold">
            {t.territory.shown(shown.length, formatNumber(shownPopulation, locale))}
          </p>
          {moved && <SuccessAlert>{t.territory.reassigned(moved)}</SuccessAlert>}
          {editing && (
            <ReassignComuneForm
              key={editing.istatCode}
              comune={editing}
              ambiti={territory.ambiti}
              onCancel={() => setEditing(null)}
              onDone={(changed) => {
                setEditing(null);
                setMoved(changed.name);
                territory.reload();
              }}
            />
          )}
          <ComuniTable
            comuni={shown}
            ambiti={territory.ambiti}
            onReassign={
              canManage
                ? (c) => {
                    setMoved(null);
                    setEditing(c);
                  }
                : undefined
            }
          />
        </section>
      )}
    </Page>
  );
}
