import { z } from 'zod';
import { viewPurposes } from './vocabulary';

/**
 * Design guidelines: the rules of thumb recommendations and engineering checks use (pixel density,
 * recording, cabling, alarm placement). Data in src/data/guidelines/guidelines.yaml, so an installer
 * can follow local codes and their own practice without touching code.
 */


const positive = z.number().positive();
const percent = z.number().min(0).max(100);

const areaToWatch = z.object({
  label: z.string().min(3),
  purpose: z.enum(viewPurposes),
  /** Typical distance from the camera to what it must see, in metres. */
  distanceM: positive,
});

export const guidelinesSchema = z.object({
  video: z.object({
    /** Pixels per metre on target each purpose needs (IEC/EN 62676-4 "DORI"; plates by eye ~120–150). */
    pixelDensity: z.object({ detect: positive, observe: positive, recognize: positive, identify: positive, 'read-plate': positive }),
    /** Share of the rated infrared range to plan night views with. */
    irPlanningPercent: percent,
    /** Storage per day for each Mbps recorded around the clock. */
    gbPerDayPerMbps: positive,
    /** Share of the day motion-only recording actually writes. */
    motionRecordingPercent: percent,
    /** Usable share of a drive's nominal size, and the headroom kept on top of the need. */
    usableDiskPercent: percent,
    headroomPercent: z.number().min(0).max(200),
    retentionDays: z.object({ home: z.number().int().positive(), business: z.number().int().positive() }),
    homeAreas: z.object({ 'front-door': areaToWatch, driveway: areaToWatch, backyard: areaToWatch, 'side-gate': areaToWatch }),
  }),
  network: z.object({
    /** Longest copper Ethernet channel (IEEE 802.3): beyond it a switch, extender or fibre is needed. */
    ethernetMaxM: positive,
  }),
  intrusion: z.object({
    /** Floor area one motion sensor covers well. */
    motionCoverageM2: positive,
    /** Accessible windows one glass-break detector listens for (about one room). */
    windowsPerGlassBreak: positive,
    keyFobsPerHome: z.number().int().min(0),
  }),
  fire: z.object({
    /** Largest storey area one hallway smoke alarm covers before another is added. */
    residentialStoreyAreaPerSmokeM2: positive,
    /** Spot smoke detector coverage (~30 ft spacing). */
    commercialDetectorCoverageM2: positive,
    /** Floor area one horn/strobe serves. */
    hornStrobeCoverageM2: positive,
    /** Placement distances from the residential and commercial code summaries (IRC R314, NFPA 72), quoted on the fire page. */
    placement: z.object({
      /** A smoke alarm outside the sleeping area is at most this far from every bedroom door. */
      smokeFromBedroomDoorMaxM: positive,
      /** Smoke alarms keep at least this far from cooking appliances. */
      smokeFromCookingMinM: positive,
      /** ...and from the door of a bathroom with a shower. */
      smokeFromShowerMinM: positive,
      /** A pull station is at most this far from each exit. */
      pullStationFromExitMaxM: positive,
      /** Nobody walks further than this to reach a pull station. */
      pullStationTravelMaxM: positive,
    }),
  }),
  access: z.object({
    /** Spare credentials ordered on top of one per person. */
    credentialSparePercent: z.number().min(0).max(100),
  }),
});

export type Guidelines = z.infer<typeof guidelinesSchema>;
