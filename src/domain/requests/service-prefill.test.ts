import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceSystems } from './request';
import { readServicePrefill, servicePrefillHref } from './service-prefill';

const read = (href: string) => readServicePrefill(new URL(href, 'https://quotes.example.com').searchParams);
const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: fc.constantFrom(...'abcXYZ 019#,.-éñ'.split('')) }).filter((s) => s.trim() !== '' && s.trim() === s);

describe('the service form filled in from a link', () => {
  it('reads back every system and address the link was made with', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...serviceSystems),
        fc.record({ line1: text(120), line2: fc.option(text(120), { nil: undefined }), city: text(80), region: fc.option(text(60), { nil: undefined }), postalCode: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/) }),
        (system, address) => {
          const values = read(servicePrefillHref({ system, address }));
          const expected = new Map([['system', system], ...Object.entries(address).flatMap(([field, value]) => (value ? [[`address.${field}`, value] as [string, string]] : []))]);
          expect(values).toEqual(expected);
        },
      ),
    );
  });

  it('leaves out what the service form itself would refuse', () => {
    const values = read('/service?system=toaster&address.postalCode=%3Cscript%3E&address.city=Bayview&address.line1=' + 'x'.repeat(121) + '&problem=sneaky');
    expect(values).toEqual(new Map([['address.city', 'Bayview']]));
    expect(read('/service')).toEqual(new Map());
    expect(servicePrefillHref({})).toBe('/service');
  });
});
