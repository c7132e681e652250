import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { configurationSchemaFor } from '../configuration/configuration';
import { validate } from '../issues';
import { recommend } from '../recommend/recommend';
import { staffStartSchema, startingPremises } from './staff-start';

const data = loadData();
const customer = { name: 'Pat Phoner', email: 'pat@example.com', postalCode: '94100' };

describe('a quote staff start', () => {
  it.each([
    { audience: 'home' as const, company: undefined },
    { audience: 'business' as const, company: 'Corner Shop' },
  ])('starts a $audience quote from a recommended package the catalog accepts, at the ZIP code', ({ audience, company }) => {
    const start = validate(staffStartSchema, { ...customer, audience, company });
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    const configuration = recommend(startingPremises(start.value), data).packages.recommended;
    expect(validate(configurationSchemaFor(data.catalog), configuration).ok).toBe(true);
    expect(configuration.audience).toBe(audience);
    expect(configuration.sites.length).toBe(1);
    expect(configuration.sites[0]!.lines.length).toBeGreaterThan(0);
    expect(configuration.sites[0]!.conditions.postalCode).toBe('94100');
  });

  it('names each field it refuses: the contact rules are the request form’s own', () => {
    const start = validate(staffStartSchema, { name: ' ', email: 'pat.example.com', audience: 'shop', postalCode: '9' });
    expect(start.ok).toBe(false);
    if (start.ok) return;
    expect(start.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['audience', 'email', 'name', 'postalCode']);
  });

  it('asks a business start for the business name', () => {
    const start = validate(staffStartSchema, { ...customer, audience: 'business' });
    expect(start.ok).toBe(false);
    if (!start.ok) expect(start.issues).toEqual([{ path: ['company'], message: 'Enter the name of the business' }]);
  });
});
