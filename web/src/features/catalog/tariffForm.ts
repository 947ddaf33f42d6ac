import type { TariffRuleView } from '../../../../shared/src/catalog/catalog.schemas';
import {
  TariffRule,
  type IseeType,
  type TariffBand,
  type TariffRule as TariffRuleBody,
} from '../../../../shared/src/catalog/tariff.schemas';
import { validateAgainst } from '../../../../shared/src/common/validation';
import type { Locale } from '../../i18n/I18nProvider';
import { centsToInput, parseEuroCents } from '../../i18n/money';

/** One ISEE band as the administrator types it: euros as text, the price's kind and amounts. */
export interface BandDraft {
  from: string;
  fromInclusive: boolean;
  /** Empty: no upper threshold. */
  to: string;
  toInclusive: boolean;
  kind: 'free' | 'fixed' | 'linear';
  /** Fixed price, or the linear price at the lower threshold. */
  min: string;
  /** Linear only: the price at the upper threshold. */
  max: string;
}

export interface RuleDraft {
  iseeTypes: IseeType[];
  bands: BandDraft[];
  fullTariff: string;
  /** Empty: the full tariff. */
  noIsee: string;
  invalidIsee: TariffRuleBody['invalidIsee'];
}

const euros = (cents: number | null) => (cents === null ? '' : centsToInput(cents));

function bandDraft(band: TariffBand): BandDraft {
  const p = band.price;
  return {
    from: euros(band.fromCents),
    fromInclusive: band.fromInclusive,
    to: euros(band.toCents),
    toInclusive: band.toInclusive,
    kind: p.kind,
    min: p.kind === 'fixed' ? euros(p.cents) : p.kind === 'linear' ? euros(p.minCents) : '',
    max: p.kind === 'linear' ? euros(p.maxCents) : '',
  };
}

export function ruleDraft(rule: TariffRuleView['rule']): RuleDraft {
  return {
    iseeTypes: rule.iseeTypes,
    bands: rule.bands.map(bandDraft),
    fullTariff: euros(rule.fullTariffCents),
    noIsee: euros(rule.noIseeCents),
    invalidIsee: rule.invalidIsee,
  };
}

/** A band that starts where the last one ends (the other side of its threshold). */
export function nextBand(bands: BandDraft[]): BandDraft {
  const last = bands.at(-1);
  return {
    from: last ? last.to : '0,00',
    fromInclusive: last ? !last.toInclusive : true,
    to: '',
    toInclusive: true,
    kind: 'fixed',
    min: '',
    max: '',
  };
}

export interface RuleCheck {
  rule: TariffRuleBody;
  /** Field (`bands.1.toCents`, `fullTariffCents`) → what is wrong; empty when the rule may be sent. */
  errors: Record<string, string>;
}

/**
 * The rule as the server takes it and everything the shared schema refuses in it, at once; an
 * amount that is not euros is named too. How bands meet is the server's to judge (422 on a field).
 */
export function checkRule(draft: RuleDraft, locale: Locale, amountInvalid: string): RuleCheck {
  const unreadable: Record<string, string> = {};
  const cents = (text: string, field: string, optional = false): number | null => {
    if (optional && text.trim() === '') return null;
    const value = parseEuroCents(text);
    if (value === null) unreadable[field] = amountInvalid;
    return value ?? 0;
  };
  const bands: TariffBand[] = draft.bands.map((b, i) => {
    const at = `bands.${i}`;
    const price: TariffBand['price'] =
      b.kind === 'free'
        ? { kind: 'free' }
        : b.kind === 'fixed'
          ? { kind: 'fixed', cents: cents(b.min, `${at}.price.cents`)! }
          : {
              kind: 'linear',
              minCents: cents(b.min, `${at}.price.minCents`)!,
              maxCents: cents(b.max, `${at}.price.maxCents`)!,
            };
    return {
      fromCents: cents(b.from, `${at}.fromCents`)!,
      fromInclusive: b.fromInclusive,
      toCents: cents(b.to, `${at}.toCents`, true),
      toInclusive: b.toInclusive,
      price,
    };
  });
  const rule: TariffRuleBody = {
    iseeTypes: draft.iseeTypes,
    bands,
    fullTariffCents: cents(draft.fullTariff, 'fullTariffCents')!,
    noIseeCents: cents(draft.noIsee, 'noIseeCents', true),
    invalidIsee: draft.invalidIsee,
  };
  return { rule, errors: { ...validateAgainst(TariffRule, rule, locale), ...unreadable } };
}

/**
 * The ISEE values that draw the rule's curve: zero, each threshold and a cent either side (where
 * the price may jump), and a fifth beyond the last threshold.
 */
export function curveValues(rule: TariffRuleBody): number[] {
  const thresholds = rule.bands.flatMap((b) => [b.fromCents, ...(b.toCents === null ? [] : [b.toCents])]);
  const top = Math.max(0, ...thresholds);
  const values = new Set([0, Math.round(top * 1.2) || 1_000_000]);
  for (const t of thresholds) for (const v of [t - 1, t, t + 1]) if (v >= 0) values.add(v);
  return [...values].sort((a, b) => a - b).slice(0, 199);
}
