import { useState, type FormEvent } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Category, TariffPreview, TariffRuleView } from '../../../../shared/src/catalog/catalog.schemas';
import {
  INVALID_ISEE_POLICIES,
  ISEE_TYPES,
  type IseeType,
} from '../../../../shared/src/catalog/tariff.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatCents, parseEuroCents } from '../../i18n/money';
import {
  CATEGORIES_PATH,
  TARIFF_RULES_PATH,
  previewTariff,
  saveTariffRule,
} from '../../features/catalog/api';
import {
  checkRule,
  curveValues,
  nextBand,
  ruleDraft,
  type BandDraft,
  type RuleDraft,
} from '../../features/catalog/tariffForm';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const INK = '#1a1a1a';
const LINE = '#0066cc';

// The server names a rule's fields from the rule (`bands.1.toCents`) or from the body (`rule.…`).
// A rule is replaced, with a new id, each time it is saved: the page follows what it prices.
const targetKey = (r: TariffRuleView) =>
  `${r.scopeType}:${r.scopeId}:${r.serviceId ?? ''}:${r.categoryId ?? ''}`;

const ruleErrorsOf = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^rule\./, ''), v]));

/**
 * `/tariffe`: the Ambito's administrator sees a comune's (or the Ambito's) tariff rules per service
 * or category, changes bands, thresholds and prices, and previews what a citizen with a given ISEE
 * pays — priced by the server's own tariff engine, never by arithmetic in the browser.
 */
export function TariffsPage() {
  const { t: all } = useI18n();
  const t = all.catalog.tariffs;
  const rules = useApi<TariffRuleView[]>(TARIFF_RULES_PATH);
  const categories = useApi<Category[]>(CATEGORIES_PATH);
  const territory = useTerritory();
  const [chosen, setChosen] = useState('');
  // A comune's first tariff for a category: edited like the others, listed once saved.
  const [fresh, setFresh] = useState<TariffRuleView | null>(null);
  const [freshComune, setFreshComune] = useState('');
  const [freshCategory, setFreshCategory] = useState('');
  const saved = rules.data?.find((r) => targetKey(r) === chosen);
  const rule = saved ?? (fresh && targetKey(fresh) === chosen ? fresh : undefined);
  const prepare = (event: FormEvent) => {
    event.preventDefault();
    if (!freshComune || !freshCategory) return;
    const view = newRule(freshComune, freshCategory);
    setFresh(view);
    setChosen(targetKey(view));
  };
  const scopeName = (r: TariffRuleView) =>
    r.scopeType === 'comune'
      ? t.comune(territory.comuni.find((c) => c.istatCode === r.scopeId)?.name ?? r.scopeId)
      : t.ambito(territory.ambiti.find((a) => a.id === r.scopeId)?.name ?? r.scopeId);
  const targetName = (r: TariffRuleView) =>
    r.categoryId
      ? t.category(categories.data?.find((c) => c.id === r.categoryId)?.name ?? r.categoryId)
      : t.service;
  return (
    <Page title={t.title} lead={t.lead} breadcrumbs={[{ label: all.shell.home, to: '/' }]}>
      <ApiErrorAlert error={rules.error ?? categories.error ?? territory.error} />
      {rules.loading && !rules.data && <Loading />}
      {rules.data && (
        <div className="row">
          <SelectField
            id="tariff-rule"
            className="col-12 col-lg-8"
            label={t.choose}
            value={chosen}
            onChange={setChosen}
            placeholder={all.common.choose}
            options={[...rules.data, ...(fresh && !saved && rule === fresh ? [fresh] : [])].map((r) => ({
              value: targetKey(r),
              label: `${scopeName(r)} · ${targetName(r)} · ${r.name || t.unsaved}`,
            }))}
          />
        </div>
      )}
      {categories.data && territory.comuni.length > 0 && (
        <form onSubmit={prepare} noValidate aria-labelledby="tariff-new" className="mb-4">
          <h2 id="tariff-new" className="h5">
            {t.newRule}
          </h2>
          <div className="row align-items-start">
            <SelectField
              id="tariff-new-comune"
              className="col-12 col-md-4"
              label={t.newComune}
              value={freshComune}
              onChange={setFreshComune}
              placeholder={all.common.choose}
              options={territory.comuni.map((c) => ({ value: c.istatCode, label: c.name }))}
            />
            <SelectField
              id="tariff-new-category"
              className="col-12 col-md-4"
              label={t.newCategory}
              value={freshCategory}
              onChange={setFreshCategory}
              placeholder={all.common.choose}
              options={categories.data.map((c) => ({ value: c.id, label: c.name }))}
            />
            <div className="col-12 col-md-4 form-group">
              <button
                type="submit"
                className="btn btn-outline-primary"
                disabled={!freshComune || !freshCategory}
              >
                {t.prepare}
              </button>
            </div>
          </div>
        </form>
      )}
      {rules.data?.length === 0 && <p>{t.none}</p>}
      {rule && (
        <RuleEditor
          key={chosen}
          rule={rule}
          heading={`${scopeName(rule)} · ${targetName(rule)}`}
          onSaved={rules.reload}
        />
      )}
    </Page>
  );
}

/** A comune's tariff for a category not saved yet: one free band, no upper threshold. */
function newRule(comune: string, categoryId: string): TariffRuleView {
  return {
    id: '',
    scopeType: 'comune',
    scopeId: comune,
    serviceId: null,
    categoryId,
    name: '',
    source: null,
    rule: {
      iseeTypes: ['ordinario'],
      bands: [
        { fromCents: 0, fromInclusive: true, toCents: null, toInclusive: true, price: { kind: 'free' } },
      ],
      fullTariffCents: 0,
      noIseeCents: null,
      invalidIsee: 'full_tariff',
    },
    createdAt: '',
  };
}

function RuleEditor({
  rule,
  heading,
  onSaved,
}: {
  rule: TariffRuleView;
  heading: string;
  onSaved: () => void;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog.tariffs;
  const [draft, setDraft] = useState<RuleDraft>(() => ruleDraft(rule.rule));
  const [name, setName] = useState(rule.name);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(saveTariffRule);
  const errors = { ...ruleErrorsOf(fieldErrorsOf(save.error, all)), ...invalid };
  const setBand = (index: number, change: Partial<BandDraft>) =>
    setDraft((d) => ({ ...d, bands: d.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const check = checkRule(draft, locale, t.amountInvalid);
    setInvalid(check.errors);
    if (Object.keys(check.errors).length > 0) return;
    const result = await save.run({
      scopeType: rule.scopeType as 'comune' | 'ambito',
      scopeId: rule.scopeId,
      serviceId: rule.serviceId,
      categoryId: rule.categoryId,
      name: name.trim(),
      source: rule.source,
      rule: check.rule,
    });
    if (result.ok) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="tariff-heading" className="mb-5">
        <h2 id="tariff-heading" className="h3">
          {heading}
        </h2>
        {rule.source && <p className="small">{rule.source}</p>}
        {saved && <SuccessAlert>{t.saved}</SuccessAlert>}
        <ApiErrorAlert error={save.error} />
        <TextField
          id="tariff-name"
          label={t.name}
          required
          value={name}
          onChange={setName}
          error={errors.name}
        />
        <fieldset
          className="form-group"
          aria-describedby={errors.iseeTypes ? fieldErrorId('tariff-isee-types') : undefined}
        >
          <legend className="form-legend">{t.iseeTypes}</legend>
          <div className="d-flex flex-wrap column-gap-4">
            {ISEE_TYPES.map((type) => (
              <CheckboxField
                key={type}
                id={`tariff-isee-${type}`}
                label={all.catalog.isee.types[type] ?? type}
                checked={draft.iseeTypes.includes(type)}
                onChange={(on) =>
                  setDraft((d) => ({
                    ...d,
                    iseeTypes: on ? [...d.iseeTypes, type] : d.iseeTypes.filter((x) => x !== type),
                  }))
                }
              />
            ))}
          </div>
          <FieldError id={fieldErrorId('tariff-isee-types')} message={errors.iseeTypes} />
        </fieldset>

        <h3 className="h4">{t.bands}</h3>
        <p className="small">{t.bandsHint}</p>
        {draft.bands.map((band, i) => (
          <BandFields key={i} index={i} band={band} errors={errors} onChange={(c) => setBand(i, c)} />
        ))}
        <div className="d-flex flex-wrap gap-2 mb-4">
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => setDraft((d) => ({ ...d, bands: [...d.bands, nextBand(d.bands)] }))}
          >
            {t.addBand}
          </button>
          {draft.bands.length > 0 && (
            <button
              type="button"
              className="btn btn-outline-danger"
              onClick={() => setDraft((d) => ({ ...d, bands: d.bands.slice(0, -1) }))}
            >
              {t.removeBand}
            </button>
          )}
        </div>

        <div className="row">
          <TextField
            id="tariff-full"
            className="col-12 col-md-4"
            label={t.fullTariff}
            hint={t.fullTariffHint}
            required
            inputMode="decimal"
            value={draft.fullTariff}
            onChange={(v) => setDraft((d) => ({ ...d, fullTariff: v }))}
            error={errors.fullTariffCents}
          />
          <TextField
            id="tariff-no-isee"
            className="col-12 col-md-4"
            label={t.noIsee}
            hint={t.noIseeHint}
            inputMode="decimal"
            value={draft.noIsee}
            onChange={(v) => setDraft((d) => ({ ...d, noIsee: v }))}
            error={errors.noIseeCents}
          />
          <SelectField
            id="tariff-invalid-isee"
            className="col-12 col-md-4"
            label={t.invalidIsee}
            value={draft.invalidIsee}
            onChange={(v) => setDraft((d) => ({ ...d, invalidIsee: v as RuleDraft['invalidIsee'] }))}
            options={INVALID_ISEE_POLICIES.map((p) => ({ value: p, label: t.invalidPolicies[p] ?? p }))}
          />
        </div>
        <button type="submit" className="btn btn-primary btn-lg" disabled={save.pending}>
          {save.pending ? all.common.saving : t.save}
        </button>
      </form>
      <TariffPreviewPanel draft={draft} />
    </>
  );
}

function BandFields({
  index,
  band,
  errors,
  onChange,
}: {
  index: number;
  band: BandDraft;
  errors: Record<string, string>;
  onChange: (change: Partial<BandDraft>) => void;
}) {
  const { t: all } = useI18n();
  const t = all.catalog.tariffs;
  const id = (part: string) => `band-${index}-${part}`;
  const at = `bands.${index}`;
  return (
    <fieldset className="border rounded p-3 mb-3">
      <legend className="h5 float-none w-auto px-1">{t.band(index)}</legend>
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField
            id={id('from')}
            label={t.from}
            inputMode="decimal"
            value={band.from}
            onChange={(v) => onChange({ from: v })}
            error={errors[`${at}.fromCents`]}
          />
          <CheckboxField
            id={id('from-inclusive')}
            label={t.fromInclusive}
            checked={band.fromInclusive}
            onChange={(v) => onChange({ fromInclusive: v })}
          />
          <FieldError id={fieldErrorId(id('from-inclusive'))} message={errors[`${at}.fromInclusive`]} />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id={id('to')}
            label={t.to}
            hint={t.toHint}
            inputMode="decimal"
            value={band.to}
            onChange={(v) => onChange({ to: v })}
            error={errors[`${at}.toCents`]}
          />
          <CheckboxField
            id={id('to-inclusive')}
            label={t.toInclusive}
            checked={band.toInclusive}
            onChange={(v) => onChange({ toInclusive: v })}
          />
        </div>
      </div>
      <div className="row mt-3">
        <SelectField
          id={id('kind')}
          className="col-12 col-md-4"
          label={t.priceKind}
          value={band.kind}
          onChange={(v) => onChange({ kind: v as BandDraft['kind'] })}
          options={(['free', 'fixed', 'linear'] as const).map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
        />
        {band.kind !== 'free' && (
          <TextField
            id={id('min')}
            className="col-12 col-md-4"
            label={band.kind === 'fixed' ? t.price : t.minPrice}
            inputMode="decimal"
            value={band.min}
            onChange={(v) => onChange({ min: v })}
            error={errors[`${at}.price.cents`] ?? errors[`${at}.price.minCents`]}
          />
        )}
        {band.kind === 'linear' && (
          <TextField
            id={id('max')}
            className="col-12 col-md-4"
            label={t.maxPrice}
            inputMode="decimal"
            value={band.max}
            onChange={(v) => onChange({ max: v })}
            error={errors[`${at}.price.maxCents`]}
          />
        )}
      </div>
    </fieldset>
  );
}

/** "What a citizen with ISEE € X pays", and the whole curve, from the server's tariff engine. */
function TariffPreviewPanel({ draft }: { draft: RuleDraft }) {
  const { t: all, locale } = useI18n();
  const t = all.catalog.tariffs;
  const [iseeType, setIseeType] = useState<IseeType>(draft.iseeTypes[0] ?? 'ordinario');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const preview = useAction(previewTariff);
  const [result, setResult] = useState<{ valueCents: number; answer: TariffPreview } | null>(null);
  const errors = { ...ruleErrorsOf(fieldErrorsOf(preview.error, all)), ...invalid };
  const money = (cents: number) => formatCents(cents, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valueCents = parseEuroCents(value);
    const check = checkRule(draft, locale, t.amountInvalid);
    setInvalid(valueCents === null ? { ...check.errors, iseeValue: t.amountInvalid } : check.errors);
    if (valueCents === null || Object.keys(check.errors).length > 0) return setResult(null);
    const answer = await preview.run({
      rule: check.rule,
      iseeType,
      iseeValuesCents: [valueCents, ...curveValues(check.rule)],
    });
    setResult(answer.ok ? { valueCents, answer: answer.value } : null);
  };

  const point = result?.answer.points[0];
  const curve = result?.answer.points
    .slice(1)
    .map((p) => ({ isee: p.iseeValueCents / 100, price: p.unitCents / 100 }));
  const ruleProblem = Object.keys(errors).some((k) => k !== 'iseeValue');
  return (
    <section aria-labelledby="tariff-preview" className="mb-4">
      <h2 id="tariff-preview" className="h3">
        {t.preview}
      </h2>
      <p>{t.previewLead}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="row align-items-start">
        <SelectField
          id="preview-isee-type"
          className="col-12 col-md-4"
          label={t.previewType}
          value={iseeType}
          onChange={(v) => setIseeType(v as IseeType)}
          options={ISEE_TYPES.map((type) => ({ value: type, label: all.catalog.isee.types[type] ?? type }))}
        />
        <TextField
          id="preview-isee-value"
          className="col-12 col-md-4"
          label={t.previewValue}
          inputMode="decimal"
          value={value}
          onChange={setValue}
          error={errors.iseeValue}
        />
        <div className="col-12 col-md-4 form-group">
          <button type="submit" className="btn btn-outline-primary" disabled={preview.pending}>
            {t.compute}
          </button>
        </div>
      </form>
      {ruleProblem && !preview.error && <p className="field-error">{t.fixRuleFirst}</p>}
      <ApiErrorAlert error={preview.error} />
      {point && result && (
        <div role="status" className="alert alert-info">
          <p className="mb-1 fw-semibold">
            {t.pays(
              all.catalog.isee.types[iseeType] ?? iseeType,
              money(result.valueCents),
              money(point.unitCents),
            )}
          </p>
          <p className="mb-0 small">
            {point.basis === 'band' && point.band !== null ? t.inBand(point.band) : t.basis[point.basis]}{' '}
            {t.withoutIsee(money(result.answer.noIseeCents))}
          </p>
        </div>
      )}
      {curve && (
        <figure>
          <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
            <ResponsiveContainer>
              <LineChart
                data={curve}
                margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  dataKey="isee"
                  domain={[0, 'dataMax']}
                  tick={{ fill: INK, fontSize: 12 }}
                  tickFormatter={(v: number) => `${Math.round(v / 1000)}k`}
                />
                <YAxis tick={{ fill: INK, fontSize: 12 }} width={40} />
                <Line
                  type="linear"
                  dataKey="price"
                  stroke={LINE}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="small">{t.chartCaption}</figcaption>
        </figure>
      )}
    </section>
  );
}
