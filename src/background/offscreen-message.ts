/** The one message the worker sends the offscreen document (not part of the protocol: worker → itself). */
export const OFFSCREEN_COPY = 'resolve-plus-offscreen-copy';

export interface OffscreenCopy {
  readonly target: typeof OFFSCREEN_COPY;
  readonly text: string;
}
