import { lazy, type ComponentType } from 'react';
import { preloadItalian, type LazyNamespace } from '../i18n/italian';

/**
 * A page loaded on first visit, from a module that exports it by name (AppLayout's Suspense waits),
 * with the Italian namespaces it reads fetched beside its code rather than after it.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  messages: readonly LazyNamespace[] = [],
) {
  return lazy(() =>
    Promise.all([load(), preloadItalian(messages)]).then(([module]) => ({ default: module[name] })),
  );
}
