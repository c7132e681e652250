import type { ServiceSystem } from './request';
import { serviceRequestSchema, type Address } from './request';

/**
 * The service request form (`/service`) filled in from a link: the system and the site's address, as
 * query parameters named like the form's fields (`system`, `address.line1`…). Each value is checked
 * with the service request's own schema; one that does not pass is left out, so a link can never
 * put in the form what the form would refuse.
 */

const addressFields = ['line1', 'line2', 'city', 'region', 'postalCode'] as const;
const { system: systemSchema, address: addressSchema } = serviceRequestSchema.shape;

export interface ServicePrefill {
  system?: ServiceSystem | undefined;
  address?: Partial<Address> | undefined;
}

export function servicePrefillHref(prefill: ServicePrefill): string {
  const params = new URLSearchParams();
  if (prefill.system) params.set('system', prefill.system);
  for (const field of addressFields) {
    const value = prefill.address?.[field];
    if (value) params.set(`address.${field}`, value);
  }
  const query = params.toString();
  return query ? `/service?${query}` : '/service';
}

/** The form's field values a link carries (field name → value), only those its schema accepts. */
export function readServicePrefill(params: URLSearchParams): Map<string, string> {
  const values = new Map<string, string>();
  const system = params.get('system');
  if (system !== null && systemSchema.safeParse(system).success) values.set('system', system);
  for (const field of addressFields) {
    const value = params.get(`address.${field}`);
    if (value !== null && value !== '' && addressSchema.shape[field].safeParse(value).success) values.set(`address.${field}`, value);
  }
  return values;
}
