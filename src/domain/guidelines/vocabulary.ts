/** Guideline vocabulary without the schema, for code that runs in the browser. */

export const viewPurposes = ['detect', 'observe', 'recognize', 'identify', 'read-plate'] as const;
export type ViewPurpose = (typeof viewPurposes)[number];

export const homeAreas = ['front-door', 'driveway', 'backyard', 'side-gate'] as const;
export type HomeArea = (typeof homeAreas)[number];
