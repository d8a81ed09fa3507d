import { type RefObject, useEffect, useRef } from 'react';

/**
 * Listens to a Fovea event on the element behind `ref` for as long as the component is mounted.
 * The latest `handler` is always called, without re-subscribing on every render.
 */
export function useFoveaEvent<K extends keyof HTMLElementEventMap>(
  ref: RefObject<HTMLElement | null>,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const controller = new AbortController();
    element.addEventListener(type, (event) => latest.current(event), { signal: controller.signal });
    return () => controller.abort();
  }, [ref, type]);
}
