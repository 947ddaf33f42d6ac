import type { RoleName } from '../../../shared/src/accounts/accounts.schemas';
import type { OrganizationKind } from '../../../shared/src/organizations/organizations.schemas';
import type { RequestStatus, Urgency } from '../../../shared/src/requests/requests.schemas';
import type { TaskStatus } from '../../../shared/src/tasks/tasks.schemas';
import type { VolunteerStatus } from '../../../shared/src/volunteers/volunteers.schemas';
import { it, type HouseholdRelation, type OutcomeReason } from './it';
import { organizationsIt } from './organizations.it';
import { peopleIt } from './people.it';
import { requestsIt } from './requests.it';
import { tasksIt } from './tasks.it';
import { volunteersIt } from './volunteers.it';

/*
 * The shared enumerations as lists, read from the Italian dictionary: it names every value
 * (checked with `satisfies Record<…>` against the shared types), and importing the lists from
 * the schema files would pull the whole schema library into the browser bundle.
 */

export const ROLE_NAMES = Object.keys(it.roles) as RoleName[];
export const ORGANIZATION_KINDS = Object.keys(organizationsIt.organizationKinds) as OrganizationKind[];
export const HOUSEHOLD_RELATIONS = Object.keys(peopleIt.relations) as HouseholdRelation[];
export const URGENCY_NAMES = Object.keys(requestsIt.requests.urgencies) as Urgency[];
export const REQUEST_STATUS_NAMES = Object.keys(requestsIt.requests.statuses) as RequestStatus[];
export const TASK_STATUS_NAMES = Object.keys(tasksIt.tasks.statuses) as TaskStatus[];
export const OUTCOME_REASON_NAMES = Object.keys(tasksIt.tasks.reasons) as OutcomeReason[];
export const VOLUNTEER_STATUS_NAMES = Object.keys(volunteersIt.volunteers.statuses) as VolunteerStatus[];
