import { describe, expect, it } from 'vitest';
import { readiness } from './health';

/** The states in which /readyz must refuse traffic without asking any dependency. */
describe('readiness', () => {
  it('is "stopping" from the moment a shutdown begins, whatever the dependencies say', async () => {
    expect(await readiness({ warmedUp: true, stopping: true })).toEqual({ status: 'stopping' });
  });

  it('is "starting" until the warm-up has finished', async () => {
    expect(await readiness({ warmedUp: false, stopping: false })).toEqual({ status: 'starting' });
  });
});
