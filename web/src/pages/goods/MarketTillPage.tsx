import { useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import type { MarketSpendResult } from '../../../../shared/src/goods/distribution.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { MARKET_TILL_PATH, spendMarketPoints } from '../../features/goods/api';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** The social market's till: a household's card and the points of the shopping; the answer is what is left. */
export function MarketTillPage() {
  const { t, locale } = useI18n();
  const m = t.goods.till;
  const till = useApi<{ pointId: string; name: string; comuneName: string }>(MARKET_TILL_PATH);
  const [card, setCard] = useState('');
  const [points, setPoints] = useState('');
  const [errors, setErrors] = useState<{ card?: string; points?: string }>({});
  const [done, setDone] = useState<MarketSpendResult | null>(null);
  const action = useAction(spendMarketPoints);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = /^\d{1,6}$/.test(points.trim()) ? Number(points.trim()) : 0;
    const found = {
      card: card.trim() ? undefined : m.cardMissing,
      points: count > 0 ? undefined : m.pointsInvalid,
    };
    setErrors(found);
    if (found.card || found.points) return;
    setDone(null);
    const result = await action.run({ cardCode: card.trim(), points: count });
    if (result.ok) {
      setDone(result.value);
      setCard('');
      setPoints('');
    }
  }

  return (
    <Page
      title={m.title}
      lead={till.data ? m.lead(till.data.name) : undefined}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
    >
      {till.loading && <Loading />}
      <ApiErrorAlert error={till.error} />
      {done && (
        <SuccessAlert>
          <p className="mb-0">
            {m.done(formatNumber(done.points, locale), formatNumber(done.remainingPoints, locale))}
          </p>
        </SuccessAlert>
      )}
      <ApiErrorAlert error={action.error} />
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-3" style={{ maxWidth: '32rem' }}>
        <TextField
          id="market-card"
          label={m.card}
          hint={m.cardHint}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={30}
          value={card}
          onChange={setCard}
          error={errors.card}
        />
        <TextField
          id="market-points"
          label={m.points}
          hint={m.pointsHint}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={points}
          onChange={setPoints}
          error={errors.points}
        />
        <Button color="primary" type="submit" disabled={action.pending} className="w-100">
          {m.submit}
        </Button>
      </form>
    </Page>
  );
}
