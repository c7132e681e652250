import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '~/domain/staff/account';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';

describe('password rules', () => {
  it.each([
    ['', /at least 12 characters/],
    ['short pass', /at least 12 characters/],
    ['x'.repeat(MIN_PASSWORD_LENGTH - 1), /at least 12 characters/],
    ['x'.repeat(257), /at most 256 characters/],
    ['password1234', /too common/],
    ['Password1234!', /too common/],
    ['QWERTYUIOP123', /too common/],
    ['iloveyou2024!!', /too common/],
    ['aaaaaaaaaaaaaaaa', /too common/],
    ['123456789012', /too common/],
  ])('refuses %j, naming the field', (password, message) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['password']);
    expect(problems[0]!.message).toMatch(message);
  });

  it('refuses what is not text', () => {
    expect(passwordProblems(undefined)[0]!.message).toMatch(/Enter a password/);
  });

  it('puts the problem under the field it is asked for', () => {
    expect(passwordProblems('short', 'newPassword')[0]!.path).toEqual(['newPassword']);
  });

  it.each(['correct horse battery staple', 'lantern-oboe-quarry-17', 'x'.repeat(11) + 'y', 'Spätzle mit Käse 2x'])('accepts %j', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('lantern-oboe-quarry-17');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'lantern-oboe-quarry-17')).toBe(true);
    expect(await verifyPassword(hash, 'lantern-oboe-quarry-18')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
