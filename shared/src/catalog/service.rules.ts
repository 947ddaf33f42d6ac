import type { ServiceInput } from './catalog.schemas.js';

/*
 * The rules of a service that its schema cannot say (they relate two fields, or the provider's
 * territory): the server refuses a service that breaks one, and the provider's editor shows every
 * one next to its field before anything is sent. One list, so both say the same in the same words.
 */

export type ServiceRuleCode =
  | 'CAPPED_PRICE_ABOVE_LIST_PRICE'
  | 'COMUNE_OUTSIDE_PROVIDER_TERRITORY'
  | 'CAPACITY_PERIOD_REQUIRED'
  | 'PROGRAM_REQUIRES_MUNICIPAL';

export interface ServiceRuleProblem {
  code: ServiceRuleCode;
  field: 'cappedPriceCents' | 'comuni' | 'capacityPeriod' | 'municipalProgram';
  /** In Italian, for the person who fills the form. */
  message: string;
  /** COMUNE_OUTSIDE_PROVIDER_TERRITORY: the ISTAT codes at fault. */
  comuni?: string[];
}

export const SERVICE_RULE_MESSAGES: Record<ServiceRuleCode, string> = {
  CAPPED_PRICE_ABOVE_LIST_PRICE: 'Il prezzo calmierato non può superare il prezzo di listino.',
  COMUNE_OUTSIDE_PROVIDER_TERRITORY:
    'Il servizio indica comuni in cui il fornitore non opera: scegli solo comuni del suo territorio.',
  CAPACITY_PERIOD_REQUIRED: 'Indica sia la capacità sia il periodo a cui si riferisce.',
  PROGRAM_REQUIRES_MUNICIPAL: 'Solo un servizio comunale può avere requisiti di accesso comunali.',
};

const problem = (
  code: ServiceRuleCode,
  field: ServiceRuleProblem['field'],
  comuni?: string[],
): ServiceRuleProblem => ({
  code,
  field,
  message: SERVICE_RULE_MESSAGES[code],
  ...(comuni ? { comuni } : {}),
});

/** Every rule the service breaks, in the order of the form's fields; empty when it keeps them all. */
export function serviceRuleProblems(
  input: Pick<
    ServiceInput,
    | 'listPriceCents'
    | 'cappedPriceCents'
    | 'comuni'
    | 'baseComuneCode'
    | 'capacity'
    | 'capacityPeriod'
    | 'isMunicipal'
    | 'municipalProgram'
  >,
  comuniServed: readonly string[],
): ServiceRuleProblem[] {
  const problems: ServiceRuleProblem[] = [];
  if (input.cappedPriceCents > input.listPriceCents) {
    problems.push(problem('CAPPED_PRICE_ABOVE_LIST_PRICE', 'cappedPriceCents'));
  }
  const base = input.baseComuneCode ?? input.comuni[0];
  const outside = input.comuni.filter((c) => !comuniServed.includes(c));
  if (base !== undefined && !input.comuni.includes(base)) outside.push(base);
  if (outside.length > 0) problems.push(problem('COMUNE_OUTSIDE_PROVIDER_TERRITORY', 'comuni', outside));
  if (((input.capacity ?? null) === null) !== ((input.capacityPeriod ?? null) === null)) {
    problems.push(problem('CAPACITY_PERIOD_REQUIRED', 'capacityPeriod'));
  }
  if (input.municipalProgram && !input.isMunicipal) {
    problems.push(problem('PROGRAM_REQUIRES_MUNICIPAL', 'municipalProgram'));
  }
  return problems;
}
