import { z } from 'zod';
import { audiences } from '../configuration/configuration';
import { premisesSchema, type Premises } from '../premises/premises';
import { addressSchema, companySchema, contactSchema } from './request';

/**
 * A quote staff start for a customer who called or wrote in: who the customer is (the request's own
 * contact and address fields, so a name or an email address is checked exactly as on the
 * customer's form) and where the quote starts from. It starts from the recommended package for
 * typical premises of the audience at the postal code; staff then shape it in the quote builder.
 */
export const staffStartSchema = z
  .object({
    name: contactSchema.shape.name,
    email: contactSchema.shape.email,
    audience: z.enum(audiences, { error: 'Choose home or business' }),
    company: companySchema,
    postalCode: addressSchema.shape.postalCode,
  })
  .superRefine((start, ctx) => {
    if (start.audience === 'business' && !start.company) ctx.addIssue({ code: 'custom', path: ['company'], message: 'Enter the name of the business' });
  });
export type StaffStart = z.infer<typeof staffStartSchema>;

/** The premises the starting package is recommended for: the premises schema's typical ones, at the customer's postal code. */
export function startingPremises(start: StaffStart): Premises {
  const premises =
    start.audience === 'home'
      ? { kind: 'home' as const, postalCode: start.postalCode }
      : { kind: 'business' as const, organisation: start.company, sites: [{ name: start.company ?? 'Main site', postalCode: start.postalCode }] };
  return premisesSchema.parse(premises);
}
