import type { RoleName } from '../../../shared/src/accounts/accounts.schemas';
import type { OrganizationKind } from '../../../shared/src/organizations/organizations.schemas';
import { it, type HouseholdRelation } from './it';

/*
 * The shared enumerations as lists, read from the Italian dictionary: it names every value
 * (checked with `satisfies Record<…>` against the shared types), and importing the lists from
 * the schema files would pull the whole schema library into the browser bundle.
 */

export const ROLE_NAMES = Object.keys(it.roles) as RoleName[];
export const ORGANIZATION_KINDS = Object.keys(it.organizationKinds) as OrganizationKind[];
export const HOUSEHOLD_RELATIONS = Object.keys(it.relations) as HouseholdRelation[];
