import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PublicPact } from '../../../../shared/src/pacts/pacts.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useApi } from '../../api/useApi';
import { TerritoryMap } from '../../features/territory/TerritoryMap';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { Page } from '../../ui/Page';

/** `/patti-di-collaborazione`: the collaboration pacts in force, by comune, on a map and in a list (no login). */
export function PublicPactsPage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.pacts;
  const selectId = useId();
  const [comune, setComune] = useState('');
  const pacts = useApi<PublicPact[]>('/api/public/pacts');
  const comuni = useApi<Comune[]>('/api/comuni');

  const withPacts = useMemo(() => {
    const names = new Map((pacts.data ?? []).map((p) => [p.commons.comuneCode, p.commons.comuneName]));
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [pacts.data]);
  const shown = (pacts.data ?? []).filter((p) => !comune || p.commons.comuneCode === comune);
  const mapComuni = (comuni.data ?? []).filter((c) =>
    shown.some((p) => p.commons.comuneCode === c.istatCode),
  );

  return (
    <Page title={t.title} lead={t.lead}>
      {pacts.loading && <p role="status">{t.loading}</p>}
      {Boolean(pacts.error) && (
        <div className="alert alert-danger" role="alert">
          {t.failed}
        </div>
      )}
      {pacts.data && (
        <>
          <div className="select-wrapper mb-4">
            <label htmlFor={selectId}>{t.comune}</label>
            <select id={selectId} value={comune} onChange={(e) => setComune(e.target.value)}>
              <option value="">{t.allComuni}</option>
              {withPacts.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <p role="status">{t.count(shown.length)}</p>
          {shown.length > 0 && (
            <div className="mb-4">
              <TerritoryMap
                comuni={mapComuni}
                areaColor={() => '#0066cc'}
                areaOpacity={0.1}
                markers={shown.map((p) => ({
                  key: p.id,
                  latitude: p.commons.latitude,
                  longitude: p.commons.longitude,
                  radius: 9,
                  color: '#008055',
                  label: p.commons.name,
                }))}
                caption={t.mapCaption}
              />
            </div>
          )}
          {shown.length === 0 && <p>{t.none}</p>}
          {shown.map((pact) => (
            <article key={pact.id} className="card-wrapper mb-4" aria-labelledby={`pact-${pact.id}`}>
              <div className="card card-bg">
                <div className="card-body">
                  <h2 id={`pact-${pact.id}`} className="h4 card-title">
                    {pact.title}
                  </h2>
                  <p className="mb-2">
                    <strong>{pact.commons.name}</strong> · {t.kinds[pact.commons.kind]} ·{' '}
                    {pact.commons.comuneName}
                  </p>
                  <p className="mb-2">
                    {t.place}: {pact.commons.place}
                  </p>
                  <p className="mb-2">
                    {t.period(formatDate(pact.startsOn, locale), formatDate(pact.endsOn, locale))}.{' '}
                    {pact.renewal === 'on_request' ? t.renewable : t.notRenewable}
                  </p>
                  <h3 className="h6 mt-3">{t.purpose}</h3>
                  <p>{pact.purpose}</p>
                  <h3 className="h6">{t.parties}</h3>
                  <ul>
                    {pact.parties.map((party, i) => (
                      <li key={i}>
                        <strong>{party.name ?? t.citizen}</strong>: {party.duties}
                      </li>
                    ))}
                  </ul>
                  <h3 className="h6">{t.comuneSupport}</h3>
                  <p>{pact.comuneSupport}</p>
                  <p className="mb-0">{t.care(pact.activities, formatNumber(pact.hours, locale))}</p>
                </div>
              </div>
            </article>
          ))}
          <p>
            <Link to="/proponi-un-patto">{t.propose}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
