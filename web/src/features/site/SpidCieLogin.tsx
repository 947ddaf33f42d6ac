import { useLocation } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import type { SiteInfo } from '../../../../shared/src/site/site.schemas';

/**
 * The citizens' way in: a link that leaves for the SPID/CIE identity provider (a full page load,
 * the server redirects), or, when it is not configured, what to do instead. Shows why the last
 * attempt failed when the server sent the citizen back with `?spid=CODE`.
 */
export function SpidCieLogin({ site, returnTo }: { site: SiteInfo; returnTo: string }) {
  const t = useT().site.spid;
  const failure = new URLSearchParams(useLocation().search).get('spid');
  return (
    <section aria-labelledby="spid-title" className="mb-5">
      <h2 id="spid-title" className="h4">
        {t.title}
      </h2>
      {failure && (
        <div className="alert alert-danger" role="alert">
          {t.errors[failure] ?? t.unknownError}
        </div>
      )}
      {site.spidCie ? (
        <>
          <p>{t.text}</p>
          <a
            className="btn btn-primary btn-lg"
            href={`/api/auth/spid/start?returnTo=${encodeURIComponent(returnTo)}`}
          >
            {t.button}
          </a>
        </>
      ) : (
        <p>
          {t.off}
          {site.helpline && <strong className="d-block fs-4 mt-2">{site.helpline.phone}</strong>}
        </p>
      )}
    </section>
  );
}
