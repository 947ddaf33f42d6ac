import { Callout, CalloutTitle, Icon } from 'design-react-kit';
import { useT } from '../../i18n/I18nProvider';
import { useCan, useMe } from '../../features/session/SessionProvider';
import { CaseBoard } from '../../features/cases/CaseBoard';
import { destinationsFor } from '../../features/shell/destinations';
import { HomeCard } from '../../features/home/HomeCard';
import { WorkQueue } from '../../features/home/WorkQueue';
import { Page } from '../../ui/Page';

/** What waits for the user, what their capabilities allow, and what is coming next for their roles. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const destinations = destinationsFor(me);
  // A social worker's home is their team's board.
  const followsCases = useCan('case.read');
  const upcoming = me.roles.flatMap((role) => {
    const text = t.home.upcoming[role];
    return text ? [{ role, text }] : [];
  });
  return (
    <Page title={t.home.title} lead={t.home.lead(me.fullName, me.roles.map((r) => t.roles[r]).join(', '))}>
      <WorkQueue />
      {followsCases && <CaseBoard />}
      {destinations.length > 0 && (
        <section aria-labelledby="home-actions">
          <h2 id="home-actions" className="h3 mb-3">
            {t.home.actionsTitle}
          </h2>
          <div className="row">
            {destinations.map((d) => (
              <HomeCard
                key={d.key}
                to={d.path}
                icon={d.icon}
                title={t.destinations[d.key].title}
                description={t.destinations[d.key].description}
              />
            ))}
          </div>
        </section>
      )}
      {upcoming.map(({ role, text }) => (
        <Callout key={role} color="note" tag="section" aria-labelledby={`upcoming-${role}`}>
          <CalloutTitle>
            <Icon icon="it-clock" aria-hidden="true" />
            <h2 id={`upcoming-${role}`} className="h5 mb-0 text-reset">
              {t.home.upcomingTitle(t.roles[role])}
            </h2>
          </CalloutTitle>
          <p className="mb-0">{text}</p>
        </Callout>
      ))}
    </Page>
  );
}
