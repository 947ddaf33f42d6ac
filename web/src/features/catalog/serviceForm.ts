import {
  ServiceInput,
  type Service,
  type ServiceInput as ServiceInputBody,
} from '../../../../shared/src/catalog/catalog.schemas';
import { serviceRuleProblems } from '../../../../shared/src/catalog/service.rules';
import { validateAgainst } from '../../../../shared/src/common/validation';
import type { Locale } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/it';
import { centsToInput, parseEuroCents } from '../../i18n/money';

/** What the provider's editor holds while they type: text for inputs, lists for the boxes. */
export interface ServiceFormValues {
  categoryId: string;
  name: string;
  description: string;
  targetGroups: string[];
  comuni: string[];
  schedule: string;
  unit: string;
  listPrice: string;
  cappedPrice: string;
  capacity: string;
  capacityPeriod: string;
  isMunicipal: boolean;
  /** Kept as it is: set by the comune's own services, not in the provider's form. */
  municipalProgram: string | null;
  /** One document a line. */
  requiredDocuments: string;
}

export const EMPTY_SERVICE: ServiceFormValues = {
  categoryId: '',
  name: '',
  description: '',
  targetGroups: [],
  comuni: [],
  schedule: '',
  unit: 'hour',
  listPrice: '',
  cappedPrice: '',
  capacity: '',
  capacityPeriod: '',
  isMunicipal: false,
  municipalProgram: null,
  requiredDocuments: '',
};

export function fromService(service: Service): ServiceFormValues {
  return {
    categoryId: service.categoryId,
    name: service.name,
    description: service.description,
    targetGroups: service.targetGroups,
    comuni: service.comuni.map((c) => c.code),
    schedule: service.schedule,
    unit: service.unit,
    listPrice: centsToInput(service.listPriceCents),
    cappedPrice: centsToInput(service.cappedPriceCents),
    capacity: service.capacity === null ? '' : String(service.capacity),
    capacityPeriod: service.capacityPeriod ?? '',
    isMunicipal: service.isMunicipal,
    municipalProgram: service.municipalProgram,
    requiredDocuments: service.requiredDocuments.join('\n'),
  };
}

/** Euros as typed ("9,80", "-2") to cents; a minus kept so the schema names a negative amount. */
function cents(text: string): number | null {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const value = parseEuroCents(negative ? trimmed.slice(1) : trimmed);
  return value === null ? null : negative ? -value : value;
}

export interface ServiceCheck {
  input: ServiceInputBody;
  /** Field → what is wrong, every field at once; empty when the service may be sent. */
  errors: Record<string, string>;
}

/**
 * The request body and everything wrong with it, checked as the server checks it: the shared
 * schema, then the shared rules (capped ≤ list price, comuni inside the provider's territory).
 */
export function checkService(
  values: ServiceFormValues,
  provider: { id: string; comuni: readonly string[] },
  locale: Locale,
  t: Messages,
): ServiceCheck {
  const listPriceCents = cents(values.listPrice);
  const cappedPriceCents = cents(values.cappedPrice);
  const capacity = values.capacity.trim();
  const input = {
    providerId: provider.id,
    categoryId: values.categoryId,
    name: values.name.trim(),
    description: values.description.trim(),
    targetGroups: values.targetGroups,
    comuni: values.comuni,
    schedule: values.schedule.trim(),
    unit: values.unit,
    listPriceCents: listPriceCents ?? 0,
    cappedPriceCents: cappedPriceCents ?? 0,
    capacity: capacity === '' ? null : /^-?\d+$/.test(capacity) ? Number(capacity) : Number.NaN,
    capacityPeriod: values.capacityPeriod || null,
    isMunicipal: values.isMunicipal,
    municipalProgram: values.municipalProgram,
    requiredDocuments: values.requiredDocuments
      .split('\n')
      .map((d) => d.trim())
      .filter(Boolean),
  } as ServiceInputBody;
  const errors = validateAgainst(ServiceInput, input, locale);
  if (listPriceCents === null) errors.listPriceCents = t.catalog.editor.amountInvalid;
  if (cappedPriceCents === null) errors.cappedPriceCents = t.catalog.editor.amountInvalid;
  if (Number.isNaN(input.capacity)) errors.capacity = t.catalog.editor.wholeNumber;
  // Against an unreadable price, "capped above list" would blame the wrong field.
  const pricesRead = listPriceCents !== null && cappedPriceCents !== null;
  for (const problem of serviceRuleProblems(input, provider.comuni)) {
    if (problem.field === 'cappedPriceCents' && !pricesRead) continue;
    errors[problem.field] ??= t.apiErrors[problem.code] ?? problem.message;
  }
  return { input, errors };
}
