import { useState } from 'react';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { SelectField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';

interface ZonesPickerProps {
  idPrefix: string;
  zones: string[];
  onChange: (zones: string[]) => void;
  comuni: Comune[];
  ambiti: Ambito[];
  error?: string;
}

/** The comuni where a volunteer helps: chosen one by one or a whole Ambito at once, each removable. */
export function ZonesPicker({ idPrefix, zones, onChange, comuni, ambiti, error }: ZonesPickerProps) {
  const t = useT();
  const [comune, setComune] = useState('');
  const [ambito, setAmbito] = useState('');
  const nameOf = (code: string) => comuni.find((c) => c.istatCode === code)?.name ?? code;
  const add = (codes: string[]) => onChange([...new Set([...zones, ...codes])]);
  return (
    <fieldset className="mb-4">
      <legend className="h5">{t.volunteers.zonesTitle}</legend>
      <p className="form-text mt-0">{t.volunteers.zonesHint}</p>
      {error && <p className="field-error">{error}</p>}
      {zones.length === 0 ? (
        <p>{t.volunteers.noZones}</p>
      ) : (
        <ul className="list-inline zones-list">
          {zones.map((code) => (
            <li key={code} className="list-inline-item mb-2">
              <span className="zone-chip">
                {nameOf(code)}
                <button
                  type="button"
                  className="btn btn-sm zone-chip-remove"
                  aria-label={t.volunteers.removeZone(nameOf(code))}
                  onClick={() => onChange(zones.filter((z) => z !== code))}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="row align-items-end">
        <ComuneSelect
          id={`${idPrefix}-comune`}
          className="col-12 col-md-8"
          label={t.volunteers.addZone}
          value={comune}
          onChange={setComune}
          comuni={comuni}
          ambiti={ambiti}
          placeholder={t.common.choose}
        />
        <div className="col-12 col-md-4 form-group">
          <button
            type="button"
            className="btn btn-outline-primary w-100"
            disabled={!comune}
            onClick={() => {
              add([comune]);
              setComune('');
            }}
          >
            {t.volunteers.addZoneButton}
          </button>
        </div>
      </div>
      <div className="row align-items-end">
        <SelectField
          id={`${idPrefix}-ambito`}
          className="col-12 col-md-8"
          label={t.volunteers.addAmbito}
          value={ambito}
          onChange={setAmbito}
          options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
          placeholder={t.common.choose}
        />
        <div className="col-12 col-md-4 form-group">
          <button
            type="button"
            className="btn btn-outline-primary w-100"
            disabled={!ambito}
            onClick={() => {
              add(comuni.filter((c) => c.ambitoId === ambito).map((c) => c.istatCode));
              setAmbito('');
            }}
          >
            {t.volunteers.addAmbitoButton}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
