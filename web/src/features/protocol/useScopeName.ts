import { useCallback } from 'react';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import type { Scope } from './protocol';

/** The name of a rule's territory: "Tutto il territorio", the Ambito's name, "Comune di …". */
export function useScopeName(ambiti: Ambito[], comuni: Comune[]) {
  const t = useT();
  return useCallback(
    (scope: Scope) => {
      if (scope.type === 'all') return t.protocol.scopeAll;
      if (scope.type === 'ambito')
        return t.protocol.scopeAmbito(ambiti.find((a) => a.id === scope.id)?.name ?? scope.id ?? '');
      return t.protocol.scopeComune(comuni.find((c) => c.istatCode === scope.id)?.name ?? scope.id ?? '');
    },
    [t, ambiti, comuni],
  );
}
