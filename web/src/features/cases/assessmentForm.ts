import type { Scale } from '../../../../shared/src/cases/assessment';
import { SINA_ATTRIBUTES, type SinaField } from '../../../../shared/src/cases/sina';

/** The score of a scale while it is being filled: null until every item has an answer. */
export function scoreSoFar(
  scale: Scale,
  answers: Readonly<Record<string, string | undefined>>,
): number | null {
  let total = 0;
  for (const item of scale.items) {
    const option = item.options.find((o) => o.value === answers[item.key]);
    if (!option) return null;
    total += option.score;
  }
  return total;
}

/** How many items of a scale have an answer. */
export const answeredCount = (scale: Scale, answers: Readonly<Record<string, string | undefined>>) =>
  scale.items.filter((i) => i.options.some((o) => o.value === answers[i.key])).length;

/** The id of a form field, from the server's field names (`katz_adl.bathing`, `Mobilita`). */
export const assessmentFieldId = (field: string) => `assessment-${field.replace(/\./g, '-')}`;

/** The options of a SINA attribute, as the schema codes them. */
export const sinaOptions = (field: SinaField) =>
  SINA_ATTRIBUTES[field].codes.map((c) => ({ value: c.code, label: c.label }));
