import type { CreateRequestBody, Urgency } from '../../../../shared/src/requests/requests.schemas';

/** When the help is wanted: shared by the operator's intake and the citizen's form. */
export interface ScheduleValues {
  preferredDate: string;
  windowStart: string;
  windowEnd: string;
  weekly: boolean;
  recurrenceUntil: string;
}

/** What the intake form holds while the operator types. */
export interface RequestFormValues extends ScheduleValues {
  interventionTypeId: string;
  urgency: Urgency;
  description: string;
  notes: string;
  requesterName: string;
  requesterPhone: string;
}

export const emptySchedule = (): ScheduleValues => ({
  preferredDate: '',
  windowStart: '',
  windowEnd: '',
  weekly: false,
  recurrenceUntil: '',
});

// Most calls are for ordinary needs: the operator raises the urgency when the caller says so.
export const emptyRequest = (): RequestFormValues => ({
  ...emptySchedule(),
  interventionTypeId: '',
  urgency: 'normal',
  description: '',
  notes: '',
  requesterName: '',
  requesterPhone: '',
});

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The date and window of a schedule, blank fields as null ("as soon as possible", "any time"). */
export function toSchedule(values: ScheduleValues) {
  return {
    preferredDate: values.preferredDate || null,
    windowStart: values.windowStart || null,
    windowEnd: values.windowEnd || null,
  };
}

/**
 * The body of POST /api/requests for a phone call. The confirmation of an open similar
 * request is added only after the operator has seen it.
 */
export function toCreateRequestBody(
  values: RequestFormValues,
  beneficiaryId: string,
  confirmSimilar: boolean,
): CreateRequestBody {
  return {
    channel: 'phone',
    beneficiaryId,
    interventionTypeId: values.interventionTypeId,
    urgency: values.urgency,
    description: values.description.trim(),
    notes: blankToNull(values.notes),
    ...toSchedule(values),
    recurrence: values.weekly ? 'weekly' : 'none',
    recurrenceUntil: values.weekly ? values.recurrenceUntil || null : null,
    requesterName: blankToNull(values.requesterName),
    requesterPhone: blankToNull(values.requesterPhone),
    ...(confirmSimilar ? { confirmSimilar: true } : {}),
  };
}
