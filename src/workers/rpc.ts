/**
 * The messages between the app and each of its workers (analysis, transcription, media), whatever
 * they carry. A request is `{id, kind, payload}`; the worker answers it once, with its result or
 * its error as a value, and may report progress before. A note is more input for a request
 * already sent (same id). Each worker's protocol maps its kinds to payloads and results.
 */
import { messageOf } from '../domain/errors/messageOf';

/** A failure as it crosses from a worker: `code` names it (the error's name, or a finer code the worker picks). */
export interface WorkerFailure {
  code: string;
  message: string;
}

/** Main → worker, distributed over the kinds so that checking `kind` narrows `payload`. */
export type Envelope<Payloads> = { [K in keyof Payloads]: { id: number; kind: K; payload: Payloads[K] } }[keyof Payloads];

/** Worker → main, about the request with the same id. */
export type Reply<Result = unknown> =
  | { id: number; kind: 'progress'; ratio: number }
  | { id: number; kind: 'result'; result: Result }
  | { id: number; kind: 'error'; error: WorkerFailure };

/** The failure of anything thrown, coded by its name. */
export const failureOf = (err: unknown): WorkerFailure => ({ code: err instanceof Error ? err.name : 'Error', message: messageOf(err) });

export interface RespondOptions<Result> {
  /** The buffers of the result to move to the app rather than copy. */
  transfer?: (result: Result) => Transferable[];
  /** A worker's own coding of its errors (failureOf otherwise). */
  failure?: (err: unknown) => WorkerFailure;
}

/**
 * Worker side of one request: runs it and posts its one answer. A result that cannot be posted
 * (not cloneable) is answered as an error too, so the app never waits for nothing. Never rejects.
 */
export async function respond<Result>(
  id: number,
  run: () => Result | Promise<Result>,
  post: (reply: Reply<Result>, transfer: Transferable[]) => void,
  { transfer = () => [], failure = failureOf }: RespondOptions<Result> = {},
): Promise<void> {
  try {
    const result = await run();
    post({ id, kind: 'result', result }, transfer(result));
  } catch (err) {
    post({ id, kind: 'error', error: failure(err) }, []);
  }
}
