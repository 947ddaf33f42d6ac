import { lazy, type ComponentType } from 'react';

/** A page loaded on first visit, from a module that exports it by name (AppLayout's Suspense waits). */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
