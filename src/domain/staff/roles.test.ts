import { describe, expect, it } from 'vitest';
import { can, permissions, permissionsOf, permissionTable, staffRoles } from './roles';

describe('the permission table', () => {
  it('gives each role exactly what the portal promises', () => {
    expect(Object.fromEntries(staffRoles.map((role) => [role, permissionsOf(role)]))).toEqual({
      sales: ['buildQuotes'],
      manager: ['buildQuotes', 'viewAllRequests', 'approveDiscount', 'refundDeposits'],
      admin: ['buildQuotes', 'viewAllRequests', 'approveDiscount', 'refundDeposits', 'manageStaff'],
    });
  });

  it('never lets a role do something a role above it cannot (sales < manager < admin)', () => {
    for (const permission of permissions) {
      staffRoles.forEach((role, rank) => {
        if (can(role, permission)) for (const higher of staffRoles.slice(rank + 1)) expect(can(higher, permission), `${higher} ${permission}`).toBe(true);
      });
    }
  });

  it('names only known roles and gives every permission a label', () => {
    for (const permission of permissions) {
      expect(permissionTable[permission].roles.length).toBeGreaterThan(0);
      expect(permissionTable[permission].roles.every((role) => staffRoles.includes(role))).toBe(true);
      expect(permissionTable[permission].label).not.toBe('');
    }
  });

  it('keeps staff management to admins only', () => {
    expect(staffRoles.filter((role) => can(role, 'manageStaff'))).toEqual(['admin']);
    expect(can('sales', 'approveDiscount')).toBe(false);
  });
});
