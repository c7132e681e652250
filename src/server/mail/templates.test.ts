import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { freezeEstimate } from '../quotes/snapshot';
import { customerConfirmation, installerNotification, type StoredRequestDetails } from './templates';

const ctx = { settings: fixtureData.settings, installerEmail: 'installer@example.com' };
const snapshot = freezeEstimate(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }], { planId: 'plan-36' })]), fixtureData, '2026-05-04');

const request: StoredRequestDetails = {
  reference: 'NG-7K4M2Q',
  kind: 'installation',
  contact: { name: 'Ada <b>Lovelace</b>\nBcc: x@evil.example', email: 'ada@example.com' },
  addresses: [{ line1: '1 A St', city: 'Bayview', region: 'CA', postalCode: '94100' }],
  windows: [{ date: '2026-05-06', part: 'afternoon' }],
  notes: '<script>alert(1)</script>',
  quote: { url: 'https://quotes.example.com/quote/abc', validUntil: '2026-06-03', snapshot },
};

describe('mail templates', () => {
  it('confirm to the customer with the reference, the quote link and what happens next', () => {
    const message = customerConfirmation(request, ctx);
    expect(message).toMatchObject({ kind: 'customer-confirmation', to: 'ada@example.com', replyTo: 'installer@example.com', subject: 'We received your installation request NG-7K4M2Q' });
    expect(message.text).toContain('Hello Ada,');
    expect(message.text).toContain('See your quote: https://quotes.example.com/quote/abc');
    expect(message.text).toContain('Prices held until June 3, 2026');
    expect(message.text).toContain('May 6, 2026, afternoon (noon – 5 pm)');
    expect(message.html).toContain('<a href="https://quotes.example.com/quote/abc">See your quote</a>');
  });

  it('tell the installer everything the customer sent, escaped in HTML and on one line in the subject', () => {
    const message = installerNotification(request, ctx);
    expect(message.to).toBe('installer@example.com');
    expect(message.replyTo).toBe('ada@example.com');
    expect(message.subject).toBe('New installation request NG-7K4M2Q: Ada <b>Lovelace</b> Bcc: x@evil.example, Bayview');
    expect(message.text).toContain('1 A St, Bayview CA 94100');
    expect(message.text).toContain('<script>alert(1)</script>');
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
  });

  it('give the installer a business request’s company, next step, PO number, billing contact and each site’s contact and visit times', () => {
    const message = installerNotification(
      {
        ...request,
        business: { company: 'Harbor Traders', nextStep: 'formal-quote', purchaseOrder: 'PO-17', billing: { name: 'Accounts', email: 'ap@harbor.example' } },
        addresses: [{ ...request.addresses[0]!, contact: { name: 'Sam Dock', phone: '(555) 010-3000' }, windows: [{ date: '2026-05-07', part: 'morning' }] }],
      },
      ctx,
    );
    for (const line of [
      'Company: Harbor Traders',
      'Asks for: a formal quote to approve before we book',
      'PO number: PO-17',
      'Billing contact: Accounts <ap@harbor.example>',
      '1 A St, Bayview CA 94100; site contact Sam Dock, (555) 010-3000; visit May 7, 2026, morning (8 am – noon)',
    ]) {
      expect(message.text).toContain(line);
    }
    expect(installerNotification(request, ctx).text).not.toContain('Company:');
  });

  it('point an urgent service request to the phone', () => {
    const message = customerConfirmation({ ...request, kind: 'service', quote: null, service: { system: 'intrusion', problem: 'Siren keeps going', urgency: 'emergency' } }, ctx);
    expect(message.subject).toBe('We received your service request NG-7K4M2Q');
    expect(message.text).toContain(`call us now on ${fixtureData.settings.company.phone}`);
    expect(message.text).not.toContain('See your quote');
  });
});
