import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Batch, Donor, Item, Point } from '../../../../shared/src/goods/goods.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import {
  DONORS_PATH,
  ITEMS_PATH,
  createDonor,
  donationReceiptUrl,
  pointPath,
  recordDonation,
} from '../../features/goods/api';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const NEW_DONOR = 'new';

interface LineDraft {
  key: number;
  itemId: string;
  quantity: string;
  expiryDate: string;
  lotCode: string;
}

const blankLine = (key: number): LineDraft => ({
  key,
  itemId: '',
  quantity: '',
  expiryDate: '',
  lotCode: '',
});

/** Goods received at a point from a company (with its partita IVA) or a drive: one lot per line. */
export function DonationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const d = t.goods.donation;
  const point = useApi<Point>(pointPath(id));
  const items = useApi<Item[]>(ITEMS_PATH);
  const donors = useApi<Donor[]>(DONORS_PATH);
  const [donorId, setDonorId] = useState('');
  const [donor, setDonor] = useState({ kind: 'company', name: '', vatNumber: '', email: '' });
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [lines, setLines] = useState<LineDraft[]>([blankLine(0)]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState<Batch | null>(null);
  const saveDonor = useAction(createDonor);
  const save = useAction(recordDonation);
  const itemsById = new Map((items.data ?? []).map((i) => [i.id, i]));

  const setLine = (key: number, change: Partial<LineDraft>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));

  function check(): Record<string, string | undefined> {
    const found: Record<string, string | undefined> = {};
    if (!donorId) found.donorId = d.donorMissing;
    if (donorId === NEW_DONOR && donor.name.trim().length < 2) found.donorName = d.donorNameMissing;
    lines.forEach((l, i) => {
      if (!l.itemId) found[`lines.${i}.itemId`] = d.itemMissing;
      if (!/^[1-9][0-9]*$/.test(l.quantity.trim())) found[`lines.${i}.quantity`] = d.quantityInvalid;
      if (itemsById.get(l.itemId)?.perishable && !l.expiryDate)
        found[`lines.${i}.expiryDate`] = d.expiryMissing;
    });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    let chosen = donorId;
    if (donorId === NEW_DONOR) {
      const created = await saveDonor.run({
        kind: donor.kind as Donor['kind'],
        name: donor.name.trim(),
        vatNumber: donor.vatNumber.trim() || null,
        email: donor.email.trim() || null,
      });
      if (!created.ok) return;
      chosen = created.value.id;
      donors.reload();
      setDonorId(chosen);
    }
    const result = await save.run({
      pointId: id,
      donorId: chosen,
      occurredOn,
      lines: lines.map((l) => ({
        itemId: l.itemId,
        quantity: Number(l.quantity),
        expiryDate: l.expiryDate || null,
        lotCode: l.lotCode.trim() || null,
      })),
    });
    if (result.ok) {
      setDone(result.value);
      setLines([blankLine(Date.now())]);
    }
  }

  const serverErrors = { ...fieldErrorsOf(saveDonor.error, t), ...fieldErrorsOf(save.error, t) };
  const errorOf = (field: string) => errors[field] ?? serverErrors[field];
  const itemOptions = (items.data ?? []).map((i) => ({ value: i.id, label: i.name }));
  const title = d.title;
  return (
    <Page
      title={title}
      lead={point.data ? d.lead(point.data.name) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
        { label: point.data?.name ?? t.goods.title, to: `/beni/punti/${id}` },
      ]}
    >
      {(point.loading || items.loading || donors.loading) && <Loading />}
      <ApiErrorAlert error={point.error ?? items.error ?? donors.error} />
      {done && (
        <SuccessAlert>
          <p className="mb-2">{d.done(done.receiptNumber)}</p>
          <ul className="mb-0">
            {done.receiptNumber !== null && (
              <li>
                <a href={donationReceiptUrl(done.id)} download>
                  {d.receipt}
                </a>
              </li>
            )}
            {done.donorId && (
              <li>
                <Link to={`/beni/donatori/${done.donorId}`}>{d.donorHistory}</Link>
              </li>
            )}
            <li>
              <Link to={`/beni/punti/${id}`}>{d.backToPoint}</Link>
            </li>
          </ul>
        </SuccessAlert>
      )}
      <ApiErrorAlert error={saveDonor.error ?? save.error} />
      <form onSubmit={(e) => void submit(e)} noValidate style={{ maxWidth: '48rem' }}>
        <SelectField
          id="donation-donor"
          label={d.donor}
          required
          value={donorId}
          onChange={setDonorId}
          placeholder={t.common.choose}
          options={[
            ...(donors.data ?? []).map((x) => ({
              value: x.id,
              label: x.vatNumber ? `${x.name} (P. IVA ${x.vatNumber})` : x.name,
            })),
            { value: NEW_DONOR, label: d.newDonor },
          ]}
          error={errorOf('donorId')}
        />
        {donorId === NEW_DONOR && (
          <fieldset className="mb-3">
            <legend className="h5">{d.newDonor}</legend>
            <RadioGroup
              name="donor-kind"
              legend={d.donorKind}
              value={donor.kind}
              onChange={(kind) => setDonor({ ...donor, kind })}
              options={[
                { value: 'company', label: d.donorKinds.company },
                { value: 'drive', label: d.donorKinds.drive },
              ]}
            />
            <TextField
              id="donor-name"
              label={d.donorName}
              required
              maxLength={200}
              value={donor.name}
              onChange={(name) => setDonor({ ...donor, name })}
              error={errorOf('donorName') ?? errorOf('name')}
            />
            {donor.kind === 'company' && (
              <TextField
                id="donor-vat"
                label={d.vatNumber}
                hint={d.vatHint}
                required
                inputMode="numeric"
                maxLength={20}
                value={donor.vatNumber}
                onChange={(vatNumber) => setDonor({ ...donor, vatNumber })}
                error={errorOf('vatNumber')}
              />
            )}
            <TextField
              id="donor-email"
              label={d.email}
              type="email"
              maxLength={200}
              value={donor.email}
              onChange={(email) => setDonor({ ...donor, email })}
              error={errorOf('email')}
            />
          </fieldset>
        )}
        <TextField
          id="donation-date"
          label={d.occurredOn}
          type="date"
          required
          value={occurredOn}
          max={todayIso()}
          onChange={setOccurredOn}
          error={errorOf('occurredOn')}
        />
        <h2 className="h5 mt-4">{d.lines}</h2>
        {lines.map((l, i) => (
          <fieldset key={l.key} className="border rounded p-3 mb-3">
            <legend className="h6 float-none w-auto px-1">{d.line(i + 1)}</legend>
            <div className="row">
              <SelectField
                id={`line-${i}-item`}
                className="col-12 col-md-6"
                label={d.item}
                required
                value={l.itemId}
                onChange={(itemId) => setLine(l.key, { itemId })}
                placeholder={t.common.choose}
                options={itemOptions}
                error={errorOf(`lines.${i}.itemId`)}
              />
              <TextField
                id={`line-${i}-quantity`}
                className="col-12 col-md-6"
                label={`${d.quantity}${l.itemId ? ` (${t.goods.units[itemsById.get(l.itemId)!.unit]})` : ''}`}
                required
                inputMode="numeric"
                maxLength={7}
                value={l.quantity}
                onChange={(quantity) => setLine(l.key, { quantity })}
                error={errorOf(`lines.${i}.quantity`)}
              />
              <TextField
                id={`line-${i}-expiry`}
                className="col-12 col-md-6"
                label={d.expiry}
                type="date"
                required={itemsById.get(l.itemId)?.perishable}
                value={l.expiryDate}
                onChange={(expiryDate) => setLine(l.key, { expiryDate })}
                error={errorOf(`lines.${i}.expiryDate`)}
              />
              <TextField
                id={`line-${i}-lot`}
                className="col-12 col-md-6"
                label={d.lotCode}
                maxLength={60}
                value={l.lotCode}
                onChange={(lotCode) => setLine(l.key, { lotCode })}
              />
            </div>
            {lines.length > 1 && (
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}
              >
                {d.removeLine(i + 1)}
              </button>
            )}
          </fieldset>
        ))}
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => setLines((all) => [...all, blankLine(Date.now())])}
          >
            {d.addLine}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.pending || saveDonor.pending}>
            {d.submit}
          </button>
        </div>
      </form>
    </Page>
  );
}
