import type { z } from 'zod';

/** Who may call a route; each maps to the security requirement shown in the document. */
export type Access =
  | 'none'
  /** Any staff token or API key. */
  | 'staff'
  /** admin or recruiter (staff token or recruiter API key). */
  | 'organisers'
  | 'admin'
  /** A candidate's link token. */
  | 'candidate';

/** One route of /api/v1 as the OpenAPI document describes it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style, as mounted under /api/v1: `/interviews/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** The zod schema the route validates its JSON body with. */
  body?: z.ZodType;
  /** The zod schema the route validates its query with. */
  query?: z.ZodObject;
  /** A body that is not JSON (chunks, bytes). */
  rawBody?: { contentType: string; description: string };
  ok: {
    status: number;
    schema?: z.ZodType;
    /** application/json unless said. */
    contentType?: string;
    description?: string;
  };
  /** Other success answers (a 201 where email is off, say). */
  alsoOk?: { status: number; schema?: z.ZodType; description?: string }[];
  /** Error statuses worth naming besides 400/401/403/404 which follow from `access`. */
  errors?: number[];
  /** Marks a route that the contract does not name (the project's extension). */
  extension?: boolean;
}
