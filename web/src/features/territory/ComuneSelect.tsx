import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { SelectField, type OptionGroup } from '../../ui/fields';

interface ComuneSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  comuni: Comune[];
  ambiti: Ambito[];
  error?: string;
  required?: boolean;
  placeholder?: string;
  className?: string;
}

/** A native select of comuni grouped by Ambito: typing the first letters jumps to a comune. */
export function ComuneSelect({ comuni, ambiti, ...field }: ComuneSelectProps) {
  const groups: OptionGroup[] = ambiti
    .map((a) => ({
      label: a.name,
      options: comuni.filter((c) => c.ambitoId === a.id).map((c) => ({ value: c.istatCode, label: c.name })),
    }))
    .filter((g) => g.options.length > 0);
  return <SelectField {...field} options={groups} />;
}
