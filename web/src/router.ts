/** Routing by the URL's hash (`#/cases/<id>`): the service serves one page, and no API path is shadowed. */
import { useEffect, useState } from 'react';

const parts = (): string[] => decodeURIComponent(window.location.hash.replace(/^#\/?/, '')).split('/').filter(Boolean);

/** The current route as its parts: `#/cases/42` → `['cases', '42']`. */
export function useRoute(): string[] {
  const [route, setRoute] = useState(parts);
  useEffect(() => {
    const onChange = () => setRoute(parts());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (...path: string[]): string => `#/${path.map(encodeURIComponent).join('/')}`;
export const go = (...path: string[]): void => {
  window.location.hash = href(...path);
};
