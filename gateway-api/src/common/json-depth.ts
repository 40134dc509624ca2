/**
 * The nesting depth a request body may have. Our deepest DTO (a registration's mortgage term) is four
 * levels deep; a body nested thousands deep is an attack on recursive code further on (the
 * validation pipe walks bodies recursively and would overflow the stack), so it is refused here.
 */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests objects or arrays deeper than `max`; iterative, so any depth is safe. */
export function exceedsJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
