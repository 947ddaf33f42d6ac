import { useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { Link } from 'react-router';
import type { Redemption, Shop } from '../../../../shared/src/vouchers/vouchers.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { hasCapability, useMe } from '../../features/session/SessionProvider';
import { redeemVoucher } from '../../features/vouchers/api';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** The accredited shop's till: a voucher's code and the amount spent; the answer is what is left. */
export function RedeemVoucherPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const shop = useApi<Shop>('/api/shops/me');
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ code?: string; amount?: string }>({});
  const [done, setDone] = useState<Redemption | null>(null);
  const action = useAction(redeemVoucher);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amountCents = parseEuroCents(amount);
    const found = {
      code: code.trim() ? undefined : t.vouchers.redeem.codeMissing,
      amount: amountCents !== null && amountCents > 0 ? undefined : t.vouchers.redeem.amountInvalid,
    };
    setErrors(found);
    if (found.code || found.amount) return;
    setDone(null);
    const result = await action.run({ code: code.trim(), amountCents: amountCents! });
    if (result.ok) {
      setDone(result.value);
      setCode('');
      setAmount('');
    }
  }

  return (
    <Page
      title={t.vouchers.redeem.title}
      lead={shop.data ? t.vouchers.redeem.lead(shop.data.name) : undefined}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        hasCapability(me, 'market.till') ? <Link to="/emporio/cassa">{t.goods.till.link}</Link> : undefined
      }
    >
      {shop.loading && <Loading />}
      <ApiErrorAlert error={shop.error} />
      {done && (
        <SuccessAlert>
          <p className="mb-1">
            {t.vouchers.redeem.done(
              formatCents(done.amountCents, locale),
              formatCents(done.remainingCents, locale),
            )}
          </p>
          <p className="mb-0">
            {done.code} · {done.programmeName} ·{' '}
            {t.vouchers.redeem.validUntil(formatDate(done.validUntil, locale))}
          </p>
        </SuccessAlert>
      )}
      <ApiErrorAlert error={action.error} />
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-3" style={{ maxWidth: '32rem' }}>
        <TextField
          id="voucher-code"
          label={t.vouchers.redeem.code}
          hint={t.vouchers.redeem.codeHint}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={setCode}
          error={errors.code}
        />
        <TextField
          id="voucher-amount"
          label={t.vouchers.redeem.amount}
          hint={t.vouchers.redeem.amountHint}
          required
          inputMode="decimal"
          autoComplete="off"
          maxLength={12}
          value={amount}
          onChange={setAmount}
          error={errors.amount}
        />
        <Button color="primary" type="submit" disabled={action.pending} className="w-100">
          {t.vouchers.redeem.submit}
        </Button>
      </form>
    </Page>
  );
}
