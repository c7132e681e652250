/** Settings vocabulary without the schema, for code that runs in the browser. */

export const wiringAccessOptions = ['open', 'partial', 'finished', 'unknown'] as const;
export type WiringAccess = (typeof wiringAccessOptions)[number];

/** Site conditions a customer may leave blank; the typical figure then stands in and is shown as an assumption. */
export const assumableConditions = ['floorAreaM2', 'ceilingHeightM'] as const;
export type AssumableCondition = (typeof assumableConditions)[number];
