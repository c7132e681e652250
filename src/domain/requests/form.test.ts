import { describe, expect, it } from 'vitest';
import { fieldNameOf, formToObject } from './form';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('formToObject', () => {
  it('rebuilds nested objects and arrays from field paths, leaving blank fields out', () => {
    const { value } = formToObject(
      form([
        ['contact.name', 'Ada'],
        ['contact.phone', ''],
        ['addresses.0.line1', '1 A St'],
        ['addresses.1.line1', '2 B St'],
        ['notes', '  '],
      ]),
    );
    expect(value).toEqual({ contact: { name: 'Ada' }, addresses: [{ line1: '1 A St' }, { line1: '2 B St' }] });
  });

  it('reads checkboxes as booleans and JSON fields as values, and ignores submission fields', () => {
    const { value } = formToObject(
      form([
        ['consent', 'yes'],
        ['configuration', '{"audience":"home"}'],
        ['idempotencyKey', 'abc'],
        ['website', 'spam'],
      ]),
      { booleans: ['consent'], json: ['configuration'], ignore: ['idempotencyKey', 'website'] },
    );
    expect(value).toEqual({ consent: true, configuration: { audience: 'home' } });
    expect(formToObject(form([['configuration', '{broken']]), { json: ['configuration'] }).value).toEqual({ configuration: '{broken' });
  });

  it('keeps the groups the form always shows, even when every field in them is blank', () => {
    const groups = ['contact', 'addresses.0'];
    expect(formToObject(form([['contact.name', ''], ['notes', 'Hi']]), { groups }).value).toEqual({ contact: {}, addresses: [{}], notes: 'Hi' });
    expect(formToObject(form([['contact.email', 'a@b.example'], ['addresses.0.city', 'Bay']]), { groups }).value).toEqual({ contact: { email: 'a@b.example' }, addresses: [{ city: 'Bay' }] });
  });

  it('drops blank rows of compacted arrays and remembers where kept rows came from', () => {
    const { value, indexMap } = formToObject(
      form([
        ['windows.0.date', ''],
        ['windows.0.part', ''],
        ['windows.1.date', '2030-01-02'],
        ['windows.2.part', 'afternoon'],
      ]),
      { compact: ['windows'] },
    );
    expect(value).toEqual({ windows: [{ date: '2030-01-02' }, { part: 'afternoon' }] });
    expect(indexMap).toEqual({ windows: [1, 2] });
    expect(fieldNameOf(['windows', 1, 'date'], indexMap)).toBe('windows.2.date');
    expect(fieldNameOf(['contact', 'email'], indexMap)).toBe('contact.email');
  });

  it('drops blank rows of the arrays inside each row of another, such as each site’s visit times', () => {
    const { value, indexMap } = formToObject(
      form([
        ['addresses.0.line1', '1 Dock Road'],
        ['addresses.0.windows.0.date', ''],
        ['addresses.0.windows.2.date', '2030-01-05'],
        ['addresses.1.line1', '2 Pier Lane'],
        ['addresses.1.windows.1.part', 'morning'],
      ]),
      { compact: ['windows', 'addresses.*.windows'] },
    );
    expect(value).toEqual({
      addresses: [
        { line1: '1 Dock Road', windows: [{ date: '2030-01-05' }] },
        { line1: '2 Pier Lane', windows: [{ part: 'morning' }] },
      ],
    });
    expect(indexMap).toEqual({ 'addresses.0.windows': [2], 'addresses.1.windows': [1] });
    expect(fieldNameOf(['addresses', 0, 'windows', 0, 'date'], indexMap)).toBe('addresses.0.windows.2.date');
    expect(fieldNameOf(['addresses', 1, 'windows', 0, 'part'], indexMap)).toBe('addresses.1.windows.1.part');
    expect(fieldNameOf(['addresses', 1, 'city'], indexMap)).toBe('addresses.1.city');
  });

  it('keeps a missing row in the middle as an empty one, so its errors name the right row', () => {
    const { value } = formToObject(form([['addresses.1.line1', '2 B St']]));
    expect(value).toEqual({ addresses: [{}, { line1: '2 B St' }] });
  });

  it('never writes to built-in objects, whatever the field names', () => {
    formToObject(form([['constructor.prototype.polluted', 'yes'], ['__proto__.polluted', 'yes'], ['a.constructor.polluted', 'yes'], ['toString.x', 'y']]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
  });
});
