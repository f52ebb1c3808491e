import type { Principal } from '../auth/roles';
import { displayName, type Account } from '../repos/accounts';

export function principalOf(a: Account): Principal {
  return { userId: a.userId, departmentId: a.departmentId, displayName: displayName(a), grants: a.grants };
}
