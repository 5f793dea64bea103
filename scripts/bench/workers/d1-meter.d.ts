/** Response header carrying the request's D1 meter as JSON. */
export declare const METER_HEADER: string;

/** What one request cost in D1. */
export interface D1Meter {
  statements: number;
  rowsRead: number;
  rowsWritten: number;
  /** Read-only statements run a second time with all() to read their meta. */
  reruns: number;
  /** Writes reached through raw()/first(), whose cost is not known. */
  unmetered: number;
}

/** A worker whose responses carry the D1 meter. */
export interface MeteredWorker {
  fetch(request: Request, env: any, ctx: any): Promise<Response>;
}

/** Wraps a worker so each response carries its D1 meter (bench only; see d1-meter.js). */
export declare function metered(worker: { fetch(request: Request, env: any, ctx: any): Response | Promise<Response> }): MeteredWorker;
