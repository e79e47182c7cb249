/**
 * Parsed playbooks are frozen because the engine caches compiled conditions, matchers and templates by
 * object identity: a playbook edited in place would silently keep its old compiled behaviour.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}
