declare namespace App {
  interface Locals {
    /** The request's id, as logged and sent back in X-Request-Id (set by the server entry, src/server/ops/request-log.ts). */
    requestId?: string;
  }
}
