import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * Whether the person has asked their system for less motion (WCAG 2.3.3): the console then turns
 * Ant Design's animations off (dialogs, dropdowns and messages appear without zooming or sliding).
 * Followed live, so changing the setting needs no reload.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const media = window.matchMedia(QUERY);
      media.addEventListener('change', changed);
      return () => media.removeEventListener('change', changed);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
