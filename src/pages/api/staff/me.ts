import { permissionsOf } from '~/domain/staff/roles';
import { apiRoute } from '~/server/http/api';
import { json } from '~/server/http/problem';

/** GET /api/staff/me: the signed-in staff member and what their role may do (401 without a session). */
export const prerender = false;

export const GET = apiRoute(async ({ locals }) => {
  const { id, email, name, role } = locals.staff!;
  return json({ id, email, name, role, permissions: permissionsOf(role) });
});
