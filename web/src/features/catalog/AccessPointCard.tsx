import type { AccessPoint } from '../../../../shared/src/catalog/catalog.schemas';
import { useT } from '../../i18n/I18nProvider';
import { openingHoursText } from './format';

/** An access point: where it is, who runs it, when it is open and how to call it. */
export function AccessPointCard({ point, headingLevel = 3 }: { point: AccessPoint; headingLevel?: 2 | 3 }) {
  const t = useT().catalog;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `access-point-${point.id}`;
  return (
    <article className="card card-bg rounded shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <Heading id={titleId} className="h5 mb-1">
          {point.name}
        </Heading>
        <p className="mb-1">
          {point.address}, {point.comuneName}
          {point.distanceKm !== undefined && ` · ${t.search.distance(String(point.distanceKm))}`}
        </p>
        <p className="mb-1">
          {t.points.kinds[point.kind]} · {t.points.runBy(point.organizationName)}
        </p>
        {point.openingHours.length > 0 && (
          <p className="mb-1">
            <strong>{t.service.openingHours}:</strong> {openingHoursText(t, point.openingHours).join('; ')}
          </p>
        )}
        {point.phone && (
          <p className="mb-0">
            <strong>{t.service.phone}:</strong>{' '}
            <a href={`tel:${point.phone.replace(/\s+/g, '')}`}>{point.phone}</a>
          </p>
        )}
      </div>
    </article>
  );
}
