import { z } from 'zod';

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** PHASE_INCOMPLETE: each missing field and the staff page (with anchor) where it is filled in. */
    gaps: z.array(z.object({ field: z.string(), message: z.string(), href: z.string() })).optional(),
  }),
});

export const errorResponses = {
  400: { description: 'invalid input', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'not signed in', content: { 'application/json': { schema: errorSchema } } },
  403: {
    description: 'not allowed, or missing CSRF token',
    content: { 'application/json': { schema: errorSchema } },
  },
  404: { description: 'not found', content: { 'application/json': { schema: errorSchema } } },
  413: {
    description: 'body over the limit (PAYLOAD_TOO_LARGE): 1 MiB, uploads 20 MiB',
    content: { 'application/json': { schema: errorSchema } },
  },
  429: {
    description: 'too many failed sign-ins from this client (RATE_LIMITED); see Retry-After',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
