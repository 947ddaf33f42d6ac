import { Link } from 'react-router';
import type { Category, ServiceSearchPage } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { HomeCard } from '../../features/home/HomeCard';
import { HelplineBox } from '../../features/site/HelplineBox';
import { useSite } from '../../features/site/useSite';
import { LargeText } from '../../ui/LargeText';
import { Page } from '../../ui/Page';

/**
 * `/` before logging in: what Legami offers in plain Italian, the help line, the ways to help and be
 * helped. The page shows its body once its three reads have come back: the help line arriving above
 * the cards, or the catalogue above the footer, moved what a finger was about to tap.
 */
export function PublicHomePage() {
  const all = useT();
  const t = all.site.home;
  const site = useSite();
  const categories = useApi<Category[]>('/api/catalog/categories');
  const services = useApi<ServiceSearchPage>('/api/services?limit=1');
  if (site.loading || categories.loading || services.loading) {
    return (
      <Page title={t.title} lead={t.lead}>
        {null}
      </Page>
    );
  }
  return (
    <Page title={t.title} lead={t.lead}>
      <LargeText>
        {site.data?.helpline && <HelplineBox helpline={site.data.helpline} />}
        <div className="row">
          <HomeCard to="/chiedi-aiuto" icon="it-help-circle" title={t.askHelp} description={t.askHelpText} />
          <HomeCard
            to="/servizi"
            icon="it-search"
            title={all.destinations.catalog.title}
            description={all.destinations.catalog.description}
          />
          <HomeCard
            to="/diventa-volontario"
            icon="it-star-outline"
            title={t.volunteer}
            description={t.volunteerText}
          />
          <HomeCard to="/dona" icon="it-card" title={t.donate} description={t.donateText} />
          <HomeCard
            to="/patti-di-collaborazione"
            icon="it-map-marker-circle"
            title={all.site.publicLinks.pacts}
            description={all.site.publicLinks.pactsText}
          />
          <HomeCard
            to="/co-progettazione"
            icon="it-files"
            title={all.site.publicLinks.codesign}
            description={all.site.publicLinks.codesignText}
          />
          <HomeCard to="/login" icon="it-user" title={t.login} description={t.loginText} />
        </div>
        <section aria-labelledby="offers-title" className="mb-4">
          <h2 id="offers-title" className="h3">
            {t.offersTitle}
          </h2>
          <ul>
            {t.offers.map((offer) => (
              <li key={offer}>{offer}</li>
            ))}
          </ul>
        </section>
        <CatalogOverview categories={categories.data ?? []} total={services.data?.total ?? 0} />
      </LargeText>
    </Page>
  );
}

/** The catalogue's top categories and how many approved services it holds; nothing while it is empty. */
function CatalogOverview({ categories, total }: { categories: Category[]; total: number }) {
  const t = useT().site.home;
  const top = categories.filter((c) => c.parentId === null);
  if (total === 0 || top.length === 0) return null;
  return (
    <section aria-labelledby="catalog-title" className="mb-4">
      <h2 id="catalog-title" className="h3">
        {t.catalogTitle}
      </h2>
      <p>
        {t.catalogLead} {t.catalogCount(total)}.
      </p>
      <ul>
        {top.map((category) => (
          <li key={category.id}>
            <Link to={`/servizi?category=${category.id}`}>
              <strong>{category.name}</strong>
            </Link>
            {category.description && <>: {category.description}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
