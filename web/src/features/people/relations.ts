import { HOUSEHOLD_RELATIONS } from '../../i18n/enumerations';
import type { HouseholdRelation, Messages } from '../../i18n/it';
import type { Option } from '../../ui/fields';

export function relationOptions(t: Messages): Option[] {
  return HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t.relations[r] }));
}

export function isRelation(value: string): value is HouseholdRelation {
  return (HOUSEHOLD_RELATIONS as readonly string[]).includes(value);
}
