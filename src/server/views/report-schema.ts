import { z } from 'zod';

/** Body of POST /api/quotes/{id}/views, sent by the quote page's script once the page has been seen. */
export const viewReportSchema = z.strictObject({
  /** The revision the page showed (the page may have been opened before a newer one was sent). */
  revision: z.int().min(1).max(10_000),
});
export type ViewReportBody = z.infer<typeof viewReportSchema>;

/** A view report is `{"revision": n}`: a few bytes. */
export const VIEW_BODY_LIMIT = 1024;
