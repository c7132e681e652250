import { z } from 'zod';

/**
 * Whether a customer may accept a quote revision on its link, and what signing it takes. Under the
 * ESIGN Act and UETA a signature needs consent to sign electronically, a clear act of intent (the
 * typed name and the button) and a tie to the exact record (the server stores a hash of the
 * revision's snapshot).
 */

export interface RevisionStanding {
  /** The revision on the page. */
  number: number;
  /** Last day its prices hold (inclusive), the installer's calendar. */
  validUntil: string;
  /** The newest revision sent to the customer. */
  latestSent: number;
  /** The revision accepted already, if any; a quote is accepted once. */
  accepted: number | null;
  declined: boolean;
}

export type Acceptability =
  | { ok: true }
  | { ok: false; reason: 'expired'; validUntil: string }
  | { ok: false; reason: 'superseded'; latest: number }
  | { ok: false; reason: 'accepted'; revision: number }
  | { ok: false; reason: 'declined' };

export function acceptability(standing: RevisionStanding, today: string): Acceptability {
  if (standing.accepted !== null) return { ok: false, reason: 'accepted', revision: standing.accepted };
  if (standing.declined) return { ok: false, reason: 'declined' };
  if (standing.number < standing.latestSent) return { ok: false, reason: 'superseded', latest: standing.latestSent };
  if (today > standing.validUntil) return { ok: false, reason: 'expired', validUntil: standing.validUntil };
  return { ok: true };
}

/** What the customer picks on a revision (`choice.ts` prices it): "Update total" sends this alone. */
export const choiceSchema = z.object({
  /** The revision the customer read: accepting an older one than the latest is refused. */
  revision: z.coerce.number().int().positive(),
  /** The alternative picked (the package or option), where the revision offers more than one. */
  option: z.string('Pick one of the options listed').min(1, 'Pick one of the options listed').max(80, 'Pick one of the options listed'),
  /** Optional add-ons picked with it. */
  addOns: z.array(z.string().min(1).max(80), 'Pick add-ons from the list').max(50, 'Pick add-ons from the list').default([]),
});

/** What the customer sends to accept (the form on /quote/<id>). */
export const acceptanceSchema = choiceSchema.extend({
  /** The choice the page last showed the total of (`choiceKey`), where it offers a choice. */
  shown: z.string().max(4000).optional(),
  /** The signature: the customer's full name as typed. */
  fullName: z
    .string()
    .trim()
    .min(3, 'Type your full name to sign')
    .max(120, 'Keep your name under 120 characters')
    .refine((name) => /\p{L}/u.test(name) && name.includes(' '), 'Type your first and last name'),
  /** Consent to sign electronically; an unticked box is never a signature. */
  consent: z.literal(true, 'Tick the box to agree to sign electronically'),
});

export type Acceptance = z.infer<typeof acceptanceSchema>;

export const declineSchema = z.object({
  revision: z.coerce.number().int().positive(),
  reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters').optional(),
});

export const changeRequestSchema = z.object({
  revision: z.coerce.number().int().positive(),
  message: z.string().trim().min(5, 'Say what you would like changed').max(4000, 'Keep the message under 4,000 characters'),
});
