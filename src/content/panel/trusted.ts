/**
 * Panel actions run only for real user input. A hostile page can reach an open shadow root and
 * dispatch synthetic clicks; those events have `isTrusted === false` and are ignored.
 */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) fn(e);
  };
}
