import { useCallback, useState } from 'react';

/** What was last done to an order (shown above the list, which may drop it), and the reload after it. */
export function useOrderNotice(reload: () => void) {
  const [done, setDone] = useState('');
  const onChanged = useCallback(
    (message: string | null) => {
      setDone(message ?? '');
      reload();
    },
    [reload],
  );
  return { done, onChanged };
}
