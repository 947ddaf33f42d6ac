import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  Campaign,
  CampaignProgress,
  NotReachedPage,
} from '../../../../shared/src/goods/distribution.schemas';
import type { Point } from '../../../../shared/src/goods/goods.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import {
  CAMPAIGNS_PATH,
  POINTS_PATH,
  campaignPath,
  notReachedPath,
  recordCampaignDelivery,
} from '../../features/goods/api';
import { hasCapability, useMe } from '../../features/session/SessionProvider';
import { ShareMap } from '../../features/funds/ShareMap';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { SuccessAlert } from '../../ui/SuccessAlert';

const NOT_REACHED_PAGE = 25;

const percent = (permille: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(permille / 1000);
const permilleOf = (reached: number, eligible: number) =>
  eligible === 0 ? 0 : Math.floor((reached * 1000) / eligible);

/** Every distribution campaign with who is eligible and who has been reached. */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const c = t.goods.campaigns;
  const campaigns = useApi<Campaign[]>(CAMPAIGNS_PATH);
  return (
    <Page
      title={c.title}
      lead={c.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
      ]}
    >
      <ApiErrorAlert error={campaigns.error} />
      {campaigns.loading && <Loading />}
      <DataTable
        caption={c.title}
        rows={campaigns.data ?? []}
        rowKey={(x) => x.id}
        empty={t.goods.none}
        columns={[
          { key: 'name', header: c.name, render: (x) => <Link to={`/beni/campagne/${x.id}`}>{x.name}</Link> },
          {
            key: 'rule',
            header: c.comuni,
            render: (x) => `${c.rule(x.minAge)} · ${formatNumber(x.comuni.length, locale)}`,
          },
          {
            key: 'eligible',
            header: c.eligible,
            numeric: true,
            render: (x) => formatNumber(x.eligible, locale),
          },
          {
            key: 'reached',
            header: c.reached,
            numeric: true,
            render: (x) => formatNumber(x.reached, locale),
          },
          {
            key: 'coverage',
            header: c.coverage,
            numeric: true,
            render: (x) => percent(permilleOf(x.reached, x.eligible), locale),
          },
        ]}
      />
    </Page>
  );
}

/** One campaign: coverage by comune on the map and in a table, then who has not been reached yet. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const c = t.goods.campaigns;
  const progress = useApi<CampaignProgress>(campaignPath(id));
  const territory = useTerritory();
  const campaign = progress.data?.campaign;
  const byComune = new Map((progress.data?.comuni ?? []).map((x) => [x.comuneCode, x]));
  const shown = territory.comuni.filter((x) => byComune.has(x.istatCode));
  return (
    <Page
      title={campaign?.name ?? c.title}
      lead={
        campaign
          ? `${c.rule(campaign.minAge)} · ${c.period(
              formatDate(campaign.startsOn, locale),
              campaign.endsOn ? formatDate(campaign.endsOn, locale) : null,
            )}`
          : undefined
      }
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
        { label: c.title, to: '/beni/campagne' },
      ]}
    >
      <ApiErrorAlert error={progress.error ?? territory.error} />
      {(progress.loading || territory.loading) && <Loading />}
      {campaign && (
        <>
          <DetailList
            items={[
              { term: c.eligible, value: formatNumber(campaign.eligible, locale) },
              { term: c.reached, value: formatNumber(campaign.reached, locale) },
              {
                term: c.coverage,
                value: percent(permilleOf(campaign.reached, campaign.eligible), locale),
              },
            ]}
          />
          <section aria-labelledby="coverage-map" className="my-4">
            <h2 id="coverage-map" className="h4">
              {c.mapTitle}
            </h2>
            <ShareMap
              comuni={shown}
              value={(x) => {
                const row = byComune.get(x.istatCode);
                return row && row.eligible > 0 ? row.permille / 1000 : null;
              }}
              caption={c.mapCaption}
            />
          </section>
          <section aria-labelledby="coverage-table" className="mb-4">
            <h2 id="coverage-table" className="h4">
              {c.tableTitle}
            </h2>
            <DataTable
              caption={c.tableTitle}
              rows={progress.data!.comuni}
              rowKey={(x) => x.comuneCode}
              empty={t.goods.none}
              columns={[
                { key: 'comune', header: t.goods.point.comune, render: (x) => x.comuneName },
                {
                  key: 'eligible',
                  header: c.eligible,
                  numeric: true,
                  render: (x) => formatNumber(x.eligible, locale),
                },
                {
                  key: 'reached',
                  header: c.reached,
                  numeric: true,
                  render: (x) => formatNumber(x.reached, locale),
                },
                {
                  key: 'coverage',
                  header: c.coverage,
                  numeric: true,
                  render: (x) => percent(x.permille, locale),
                },
              ]}
            />
          </section>
          <NotReached campaignId={campaign.id} comuni={progress.data!.comuni} onReached={progress.reload} />
        </>
      )}
    </Page>
  );
}

/**
 * Who the campaign has not reached yet; an operator records a collection at a point or a delivery
 * at home (a volunteers' task for tomorrow), the goods leaving the chosen point.
 */
function NotReached({
  campaignId,
  comuni,
  onReached,
}: {
  campaignId: string;
  comuni: CampaignProgress['comuni'];
  onReached: () => void;
}) {
  const { t, locale } = useI18n();
  const c = t.goods.campaigns;
  const mayDeliver = hasCapability(useMe(), 'campaign.deliver');
  const points = useApi<Point[]>(mayDeliver ? POINTS_PATH : null);
  const outlets = (points.data ?? []).filter((p) => p.kind !== 'social_market');
  const [chosenPoint, setChosenPoint] = useState('');
  const pointId = chosenPoint || outlets[0]?.id || '';
  const deliver = useAction(recordCampaignDelivery);
  const [done, setDone] = useState<string | null>(null);
  const [comune, setComune] = useState('');
  const [page, setPage] = useState(0);
  const list = useApi<NotReachedPage>(
    notReachedPath(campaignId, {
      comune: comune || undefined,
      limit: NOT_REACHED_PAGE,
      offset: page * NOT_REACHED_PAGE,
    }),
  );
  const comuneName = new Map(comuni.map((x) => [x.comuneCode, x.comuneName]));

  async function record(person: NotReachedPage['items'][number], channel: 'point' | 'delivery') {
    setDone(null);
    const result = await deliver.run(campaignId, { personId: person.id, channel, pointId });
    if (!result.ok) return;
    setDone(channel === 'point' ? c.donePoint(person.name) : c.doneHome(person.name));
    list.reload();
    onReached();
  }

  return (
    <section aria-labelledby="not-reached">
      <h2 id="not-reached" className="h4">
        {c.notReached}
      </h2>
      <SelectField
        id="not-reached-comune"
        label={c.filterComune}
        value={comune}
        onChange={(value) => {
          setComune(value);
          setPage(0);
        }}
        placeholder={t.common.all}
        options={comuni.map((x) => ({ value: x.comuneCode, label: x.comuneName }))}
        style={{ maxWidth: '24rem' }}
      />
      {mayDeliver && outlets.length > 0 && (
        <SelectField
          id="campaign-point"
          label={c.deliverFrom}
          value={pointId}
          onChange={setChosenPoint}
          options={outlets.map((p) => ({ value: p.id, label: p.name }))}
          style={{ maxWidth: '24rem' }}
        />
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      <ApiErrorAlert error={list.error ?? points.error ?? deliver.error} />
      {list.loading && <Loading />}
      {list.data && (
        <>
          <p role="status">{c.notReachedCount(list.data.total)}</p>
          <DataTable
            caption={c.notReached}
            rows={list.data.items}
            rowKey={(x) => x.id}
            empty={t.goods.none}
            columns={[
              { key: 'name', header: c.person, render: (x) => <Link to={`/persone/${x.id}`}>{x.name}</Link> },
              { key: 'birth', header: c.birthDate, render: (x) => formatDate(x.birthDate, locale) },
              {
                key: 'comune',
                header: t.goods.point.comune,
                render: (x) => comuneName.get(x.comuneCode) ?? x.comuneCode,
              },
              { key: 'address', header: c.address, render: (x) => x.address ?? t.common.none },
              {
                key: 'alone',
                header: c.livesAlone,
                render: (x) => (x.livesAlone ? t.common.yes : t.common.no),
              },
              ...(mayDeliver && pointId
                ? [
                    {
                      key: 'deliver',
                      header: c.deliver,
                      render: (x: NotReachedPage['items'][number]) => (
                        <div className="d-flex flex-wrap gap-2">
                          {(
                            [
                              ['point', c.atPoint, c.atPointLabel(x.name)],
                              ['delivery', c.atHome, c.atHomeLabel(x.name)],
                            ] as const
                          ).map(([way, text, label]) => (
                            <button
                              key={way}
                              type="button"
                              className="btn btn-outline-primary btn-sm"
                              disabled={deliver.pending}
                              aria-label={label}
                              onClick={() => void record(x, way)}
                            >
                              {text}
                            </button>
                          ))}
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pager page={page} pageSize={NOT_REACHED_PAGE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
