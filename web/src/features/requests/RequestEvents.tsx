import type { HelpRequestDetail } from '../../../../shared/src/requests/requests.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';

type RequestEvent = HelpRequestDetail['events'][number];

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** What happened to a request, oldest first, with who did it and when. */
export function RequestEvents({ events }: { events: RequestEvent[] }) {
  const { t, locale } = useI18n();
  const details = (e: RequestEvent): string[] => {
    const lines: string[] = [];
    const channel = text(e.details.channel);
    if (channel && channel in t.requests.channels)
      lines.push(t.requests.eventChannel(t.requests.channels[channel as keyof typeof t.requests.channels]));
    const organization = text(e.details.organizationName);
    if (organization) lines.push(t.requests.eventOrganization(organization));
    const override = text(e.details.overrideReason);
    if (override) lines.push(t.requests.overrideNote(override));
    const dueDate = text(e.details.dueDate);
    if (dueDate) lines.push(t.requests.eventDueDate(formatDate(dueDate, locale)));
    const reason = text(e.details.reason);
    if (reason) lines.push(t.requests.eventReason(reason));
    if (e.details.beneficiaryRegisteredByCitizen === true) lines.push(t.requests.registeredByCitizen);
    return lines;
  };
  return (
    <ol className="request-events list-unstyled mb-0">
      {events.map((e, index) => (
        <li key={`${e.at}-${index}`} className="border-start border-3 border-primary ps-3 pb-3">
          <p className="mb-0">
            <strong>{t.requests.events[e.kind] ?? e.kind}</strong> ·{' '}
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
            {e.actorName && <> · {t.requests.eventBy(e.actorName)}</>}
          </p>
          {details(e).map((line) => (
            <p key={line} className="mb-0 form-text">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
