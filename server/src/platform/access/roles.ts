import { CAPABILITIES, type Capability, type Role } from '../../../../shared/src/accounts/capabilities.js';

export {
  CAPABILITIES,
  CAPABILITY_NAMES,
  ROLES,
  type Capability,
  type Role,
} from '../../../../shared/src/accounts/capabilities.js';

export function roleHas(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
