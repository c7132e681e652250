/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in staff member on staff routes (src/server/staff/middleware.ts); undefined when nobody is. */
    staff?: import('./server/staff/sessions').StaffUser;
    /** Why the guard refused the page it shows /staff/forbidden in place of. */
    forbiddenReason?: string;
    /** The request's id, as logged and sent back in X-Request-Id (set by the server entry, src/server/ops/request-log.ts). */
    requestId?: string;
  }
}
