import type { Service } from '~/domain/catalog/product';
import type { Line } from '~/domain/configuration/configuration';
import { lineReason } from '~/domain/configuration/reason';
import { count } from '~/domain/units';
import type { PricingContext } from '../context';
import type { EstimateLine } from './line';

/** What widens a permit's range: the fee is the town's, not ours. */
export const permitFeeDriver = (highPercent: number) => ({ label: 'Permit fees are set by the town or county', laborPercent: 0, highPercent });

/** A service or permit the customer chose; permits are tax exempt and their fee is set by the town. */
export function serviceLine(line: Line, service: Service, ctx: PricingContext): EstimateLine {
  const central = line.quantity * service.priceCents;
  const high = Math.round((central * (100 + service.specs.spreadHighPercent)) / 100);
  const permit = service.role === 'permit';
  return {
    kind: permit ? 'permit' : 'service',
    taxClass: permit ? 'exempt' : 'labor',
    label: service.name,
    productId: service.id,
    quantity: line.quantity,
    unitCents: service.priceCents,
    amount: { low: central, high },
    reason: lineReason(line, service, ctx, `${count(line.quantity, service.specs.per.replace('-', ' '))} at ${ctx.money(service.priceCents)}.`),
    drivers:
      service.specs.spreadHighPercent > 0
        ? [permit ? permitFeeDriver(service.specs.spreadHighPercent) : { label: 'Final scope is confirmed on site', laborPercent: 0, highPercent: service.specs.spreadHighPercent }]
        : [],
  };
}

/** Time on site the services take, counted in the duration and the travel days. */
export function serviceMinutes(services: { line: Line; service: Service }[]): number {
  return services.reduce((sum, { line, service }) => sum + line.quantity * service.specs.minutes, 0);
}
