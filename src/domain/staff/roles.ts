/**
 * Who may do what in the staff portal. Roles are a ladder (sales < manager < admin), but each
 * permission lists its roles explicitly: a new permission is one row here, and the guard, the pages
 * and the tests all read this table.
 */

export const staffRoles = ['sales', 'manager', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, { label: string; summary: string }> = {
  sales: { label: 'Sales', summary: 'Works their own requests and builds quotes.' },
  manager: { label: 'Manager', summary: 'Sees every request and approves discounts.' },
  admin: { label: 'Admin', summary: 'Everything a manager does, and manages staff accounts.' },
};

export const permissions = ['buildQuotes', 'viewAllRequests', 'approveDiscount', 'refundDeposits', 'manageStaff'] as const;
export type Permission = (typeof permissions)[number];

export const permissionTable: Record<Permission, { roles: readonly StaffRole[]; label: string }> = {
  buildQuotes: { roles: ['sales', 'manager', 'admin'], label: 'Build and send quotes' },
  viewAllRequests: { roles: ['manager', 'admin'], label: 'See every request, not only their own' },
  approveDiscount: { roles: ['manager', 'admin'], label: 'Approve discounts' },
  // Money leaves the business: a second person's call, not the salesperson's who made the sale.
  refundDeposits: { roles: ['manager', 'admin'], label: 'Refund deposits' },
  manageStaff: { roles: ['admin'], label: 'Invite and disable staff' },
};

export function can(role: StaffRole, permission: Permission): boolean {
  return permissionTable[permission].roles.includes(role);
}

/** What a role may do, in the table's order: for the account page and the team list. */
export function permissionsOf(role: StaffRole): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}
