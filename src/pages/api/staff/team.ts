import { apiRoute } from '~/server/http/api';
import { json } from '~/server/http/problem';
import { getDb } from '~/server/db/client';
import { listStaff } from '~/server/staff/accounts';

/** GET /api/staff/team: every staff account (manageStaff; 401 without a session, 403 for other roles). */
export const prerender = false;

export const GET = apiRoute(async () => {
  const staff = await listStaff(await getDb());
  return json({
    staff: staff.map(({ id, email, name, role, passwordHash, disabledAt, createdAt }) => ({
      id,
      email,
      name,
      role,
      status: disabledAt ? 'disabled' : passwordHash ? 'active' : 'invited',
      createdAt: createdAt.toISOString(),
    })),
  });
});
