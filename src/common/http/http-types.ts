import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The little of Express's request and response this code uses (the project has no @types/express).
 * Nest's express adapter hands these objects to middleware, guards, filters and interceptors.
 */

export interface HttpRequest extends IncomingMessage {
  method: string;
  /** Path without the query string. */
  path: string;
  originalUrl: string;
  ip?: string;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  type(contentType: string): this;
  send(body: string): this;
}

export type NextFunction = (err?: unknown) => void;
