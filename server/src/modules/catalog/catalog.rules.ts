import { invalid } from '../../platform/errors.js';

/*
 * Eligibility of municipal services of the Comune di Cremona (seed 001): SAAP (assistance for the
 * personal autonomy of pupils with disability), transport for disabled people, and work–life
 * balance (conciliazione vita–lavoro). Pure: facts in, refusal reasons out.
 */

export const MUNICIPAL_PROGRAMS = ['saap', 'disabled_transport', 'conciliazione'] as const;
export type MunicipalProgram = (typeof MUNICIPAL_PROGRAMS)[number];

export interface EligibilityFacts {
  /** Disability certified (L. 104/1992 or civil invalidity), as recorded or declared. */
  certifiedDisability: boolean;
  /** The pupil is enrolled in a school for the current year. */
  schoolEnrolled: boolean;
  /** At least one parent of the household works. */
  workingParent: boolean;
}

export interface EligibilityReason {
  code: 'DISABILITY_NOT_CERTIFIED' | 'NOT_ENROLLED_IN_SCHOOL' | 'NO_WORKING_PARENT';
  field: keyof EligibilityFacts;
  message: string;
}

const REASONS: Record<EligibilityReason['code'], EligibilityReason> = {
  DISABILITY_NOT_CERTIFIED: {
    code: 'DISABILITY_NOT_CERTIFIED',
    field: 'certifiedDisability',
    message: 'Il servizio è riservato a persone con disabilità certificata.',
  },
  NOT_ENROLLED_IN_SCHOOL: {
    code: 'NOT_ENROLLED_IN_SCHOOL',
    field: 'schoolEnrolled',
    message: "Il SAAP è rivolto ad alunni iscritti a una scuola per l'anno in corso.",
  },
  NO_WORKING_PARENT: {
    code: 'NO_WORKING_PARENT',
    field: 'workingParent',
    message: 'Il servizio di conciliazione vita–lavoro richiede almeno un genitore che lavora.',
  },
};

/** Every reason a program refuses these facts; empty when eligible. */
export function eligibilityReasons(program: MunicipalProgram, facts: EligibilityFacts): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  if ((program === 'saap' || program === 'disabled_transport') && !facts.certifiedDisability) {
    reasons.push(REASONS.DISABILITY_NOT_CERTIFIED);
  }
  if (program === 'saap' && !facts.schoolEnrolled) reasons.push(REASONS.NOT_ENROLLED_IN_SCHOOL);
  if (program === 'conciliazione' && !facts.workingParent) reasons.push(REASONS.NO_WORKING_PARENT);
  return reasons;
}

/**
 * @throws 422 NOT_ELIGIBLE with every reason (Italian message, the fact at fault) when refused.
 */
export function assertEligible(program: MunicipalProgram | null, facts: EligibilityFacts): void {
  if (!program) return;
  const reasons = eligibilityReasons(program, facts);
  if (reasons.length > 0) {
    throw invalid('NOT_ELIGIBLE', reasons.map((r) => r.message).join(' '), {
      field: `eligibility.${reasons[0]!.field}`,
      reasons: reasons.map((r) => ({ code: r.code, field: r.field, message: r.message })),
    });
  }
}
