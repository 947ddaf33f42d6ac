import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following the window as it changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Bootstrap's `md` breakpoint: below it the page is laid out for a phone. */
export const usePhone = () => useMediaQuery('(max-width: 767.98px)');
