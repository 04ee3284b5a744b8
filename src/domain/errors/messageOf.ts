/** The text of anything thrown: an Error's message, or the value itself as text (a rejected string, a DOMException name…). */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Anything thrown as an Error, for views that keep the Error (its name picks the message they show). */
export const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
