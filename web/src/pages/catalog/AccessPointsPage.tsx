import type { AccessPoint } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { AccessPointCard } from '../../features/catalog/AccessPointCard';
import { AccessPointsMap } from '../../features/catalog/AccessPointsMap';
import { accessPointsPath } from '../../features/catalog/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** `/sportelli`: the proximity access points on a map and as a list with their hours. Public. */
export function AccessPointsPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const points = useApi<{ items: AccessPoint[] }>(accessPointsPath());
  const items = points.data?.items ?? [];
  return (
    <Page title={t.points.title} lead={t.points.lead} breadcrumbs={[{ label: all.shell.home, to: '/' }]}>
      <LargeText>
        <ApiErrorAlert error={points.error} />
        {points.loading && !points.data && <Loading />}
        {points.data && items.length === 0 && <p>{t.points.none}</p>}
        {items.length > 0 && (
          <div className="row">
            <div className="col-12 col-lg-6 mb-4">
              <AccessPointsMap points={items} />
            </div>
            <div className="col-12 col-lg-6">
              {items.map((p) => (
                <AccessPointCard key={p.id} point={p} headingLevel={2} />
              ))}
            </div>
          </div>
        )}
      </LargeText>
    </Page>
  );
}
