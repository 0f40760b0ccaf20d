/** What passes between read-isolated.ts and its worker (structured clone: plain data only). */
import type { ErrorCode, ErrorLocation } from '../../errors.ts';
import type { ParsedSource } from '../read-source.ts';

export interface WorkerRequest {
  name: string;
  bytes: Uint8Array;
}

export type WorkerReply =
  /** Sent once a request is taken up: the budget counts from here, not from the worker's start. */
  | { started: true }
  | { started?: undefined; ok: true; source: ParsedSource }
  /** code is absent for an error that was not an AppError (a bug): message then holds its stack. */
  | { started?: undefined; ok: false; code?: ErrorCode; message: string; location?: ErrorLocation };
