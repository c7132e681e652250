import { describe, expect, it } from 'vitest';
import { guard, safeNext } from './guard';
import type { StaffUser } from './sessions';

const user = (role: StaffUser['role']): StaffUser => ({ id: 'id', email: 'ana@example.com', name: 'Ana', role, sessionHash: 'h' });
const at = (path: string) => new URL(path, 'http://localhost');

describe('the staff guard', () => {
  it('sends a signed-out page to sign in with where it was going, and answers the API 401', () => {
    expect(guard(at('/staff/team?x=1'), null)).toEqual({ kind: 'sign-in', location: '/staff/login?next=%2Fstaff%2Fteam%3Fx%3D1' });
    expect(guard(at('/api/staff/me'), null)).toEqual({ kind: 'unauthorized' });
    expect(guard(at('/_actions/staffInvite'), null)).toEqual({ kind: 'unauthorized' });
  });

  it('lets anyone reach sign-in and the password links', () => {
    for (const path of ['/staff/login', '/staff/forgot', '/staff/reset', '/staff/setup/']) expect(guard(at(path), null).kind).toBe('public');
  });

  it('checks the permission of the route against the role', () => {
    expect(guard(at('/staff/team'), user('sales')).kind).toBe('forbidden');
    expect(guard(at('/staff/team/'), user('manager')).kind).toBe('forbidden');
    expect(guard(at('/staff/team'), user('admin')).kind).toBe('allowed');
    expect(guard(at('/staff'), user('sales')).kind).toBe('allowed');
  });

  it('refuses a staff route nobody listed, to every role', () => {
    expect(guard(at('/staff/secret-report'), user('admin')).kind).toBe('forbidden');
    expect(guard(at('/api/staff/export'), user('admin')).kind).toBe('forbidden');
  });
});

describe('where sign-in goes next', () => {
  it.each([
    ['/staff/team', '/staff/team'],
    ['/staff/team?tab=2#invite', '/staff/team?tab=2#invite'],
    [null, '/staff'],
    ['https://evil.example/staff', '/staff'],
    ['//evil.example/staff', '/staff'],
    ['/\\evil.example', '/staff'],
    ['javascript:alert(1)', '/staff'],
    ['staff/team', '/staff'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
