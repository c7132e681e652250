import Stripe from 'stripe';
import { config } from '../config';

/**
 * The Stripe client, when STRIPE_SECRET_KEY is set; null otherwise, and the site takes deposits
 * offline (staff record them). STRIPE_API_URL points the library at a local stand-in for tests.
 */

let client: Stripe | null | undefined;

export function stripeFor(secretKey: string, apiUrl?: string): Stripe {
  const api = apiUrl ? new URL(apiUrl) : undefined;
  const protocol = api?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    // The library retries with the same idempotency key, so a retried call never charges twice.
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(api && { host: api.hostname, port: api.port || (protocol === 'http' ? 80 : 443), protocol }),
  });
}

export function stripeClient(): Stripe | null {
  if (client === undefined) {
    const { STRIPE_SECRET_KEY, STRIPE_API_URL } = config();
    client = STRIPE_SECRET_KEY ? stripeFor(STRIPE_SECRET_KEY, STRIPE_API_URL) : null;
  }
  return client;
}

export interface StripeSetup {
  stripe: Stripe;
  webhookSecret: string;
}

/** Stripe and its webhook secret together (the settings refuse one without the other), or null. */
export function stripeSetup(): StripeSetup | null {
  const stripe = stripeClient();
  const webhookSecret = config().STRIPE_WEBHOOK_SECRET;
  return stripe && webhookSecret ? { stripe, webhookSecret } : null;
}
