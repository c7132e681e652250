import type { InstalledProduct } from '~/domain/catalog/product';
import type { SystemId } from '~/domain/catalog/roles';
import type { Line } from '~/domain/configuration/configuration';
import type { Cents, Range } from '~/domain/money';
import type { Connection, Driver } from '../conditions';

export type LineKind = 'equipment' | 'service' | 'permit' | 'labor' | 'materials' | 'travel';
/** Equipment and materials carry the equipment tax rate, work the labor rate; permits pass through. */
export type TaxClass = 'equipment' | 'labor' | 'exempt';

export interface EstimateLine {
  kind: LineKind;
  taxClass: TaxClass;
  label: string;
  /** Why the line is there, with the numbers behind it. */
  reason: string;
  amount: Range;
  /** What widened the range (or lengthened the work), empty when the amount is exact. */
  drivers: Driver[];
  productId?: string;
  model?: string;
  system?: SystemId;
  quantity?: number;
  /** Units the customer already owns that are reused (not charged as equipment). */
  reused?: number;
  /** Per unit, or per hour on labor lines. */
  unitCents?: Cents;
  /** Labor lines: billed hours at each end, so hours × `unitCents` is the amount. */
  hours?: { low: number; high: number };
  /** A line staff added for work outside the catalog: its stable key (`custom-…`). */
  customKey?: string;
  /** Cents staff took off this line (already out of `amount`): its own discount and its share of the quote's. */
  discount?: { lineCents: Cents; quoteShareCents: Cents };
}

/** A configured line of a product installed on site, with the system it belongs to and how it is connected. */
export interface Install {
  line: Line;
  product: InstalledProduct;
  system: SystemId;
  connection: Connection;
}

/** Units put in new, as opposed to the customer's own units reused. */
export const newUnits = (line: Line) => line.quantity - line.reused;
