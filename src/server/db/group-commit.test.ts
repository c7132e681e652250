import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

/** A write that records each group it was given and answers when the test lets it. */
function recordingWrite(fail: (items: number[]) => boolean = () => false) {
  const groups: number[][] = [];
  const write = async (items: number[]) => {
    groups.push(items);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (fail(items)) throw new Error(`refused ${items.join(',')}`);
    return items.map((item) => item * 10);
  };
  return { groups, write };
}

describe('groupCommit', () => {
  it('writes a lone item at once, alone', async () => {
    const { groups, write } = recordingWrite();
    expect(await groupCommit(write, { maxItems: 8 })(4)).toBe(40);
    expect(groups).toEqual([[4]]);
  });

  it('gives every item its own outcome, writes each exactly once in arrival order, and never more than maxItems together', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 6 }), async (waves, maxItems) => {
        const { groups, write } = recordingWrite();
        const submit = groupCommit(write, { maxItems });
        const outcomes: Promise<number>[] = [];
        for (const wave of waves) {
          outcomes.push(...wave.map(submit));
          // Later waves arrive while earlier ones are being written.
          await Promise.resolve();
        }
        expect(await Promise.all(outcomes)).toEqual(waves.flat().map((item) => item * 10));
        expect(groups.flat()).toEqual(waves.flat());
        expect(Math.max(...groups.map((group) => group.length))).toBeLessThanOrEqual(maxItems);
      }),
    );
  });

  it('puts what arrives during a write into the next one, together', async () => {
    const { groups, write } = recordingWrite();
    const submit = groupCommit(write, { maxItems: 8 });
    await Promise.all([submit(1), submit(2), submit(3), submit(4)]);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed write with its error, and goes on with the next', async () => {
    const { write } = recordingWrite((items) => items.includes(2));
    const submit = groupCommit(write, { maxItems: 8 });
    const outcomes = await Promise.allSettled([submit(1), submit(2), submit(3), submit(4)]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([10, 'refused 2,3,4', 'refused 2,3,4', 'refused 2,3,4']);
    expect(await submit(5)).toBe(50);
  });

  it('refuses a write that answers the wrong number of outcomes, rather than answering someone with another item’s', async () => {
    const submit = groupCommit(async (items: number[]) => items.slice(1), { maxItems: 8 });
    await expect(submit(1)).rejects.toThrow('answered 0 outcomes for 1 items');
  });
});
