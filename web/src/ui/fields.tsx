import type {
  InputHTMLAttributes,
  KeyboardEvent,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useT } from '../i18n/I18nProvider';
import { FieldError, fieldErrorId } from './FieldError';
import './shortcut.css';

/*
 * Form fields in Bootstrap Italia markup. Labels always sit above the field (no floating
 * label: clearer for older users), errors are linked with aria-describedby and aria-invalid.
 */

interface FieldFrame {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? fieldErrorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const t = useT();
  return (
    <label htmlFor={id} className="active">
      {label}
      {required && <span className="text-muted fw-normal"> ({t.common.required})</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <small id={`${id}-hint`} className="form-text">
      {hint}
    </small>
  ) : null;
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    ref?: Ref<HTMLInputElement>;
  };

export function TextField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  className,
  ref,
  type = 'text',
  ...input
}: TextFieldProps) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        {...input}
        ref={ref}
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
      <Hint id={id} hint={hint} />
      <FieldError id={fieldErrorId(id)} message={error} />
    </div>
  );
}

type TextAreaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    ref?: Ref<HTMLTextAreaElement>;
  };

export function TextAreaField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  className,
  ref,
  rows = 3,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
      <Hint id={id} hint={hint} />
      <FieldError id={fieldErrorId(id)} message={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** A line under a radio option's label, saying what it is. */
  description?: string;
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

type SelectFieldProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    options: Option[] | OptionGroup[];
    /** First, empty choice ("Tutti", "Scegli…"). */
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  };

function isGrouped(options: Option[] | OptionGroup[]): options is OptionGroup[] {
  return options.length > 0 && 'options' in (options[0] as object);
}

export function SelectField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  options,
  placeholder,
  className,
  ref,
  ...select
}: SelectFieldProps) {
  return (
    <div className={`select-wrapper form-group ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <select
        {...select}
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={error ? 'is-invalid' : undefined}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {isGrouped(options)
          ? options.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))
          : options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
      </select>
      <Hint id={id} hint={hint} />
      <FieldError id={fieldErrorId(id)} message={error} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <div className="form-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

interface RadioGroupProps {
  name: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /** One option per line (long labels), instead of side by side. */
  stacked?: boolean;
  /**
   * Keyboard shortcuts for a form filled during a phone call: the digits 1–9 choose an option
   * (each shows its digit) and Enter submits the form from the group.
   */
  shortcuts?: boolean;
  className?: string;
}

export function RadioGroup({
  name,
  legend,
  value,
  onChange,
  options,
  error,
  hint,
  required,
  stacked,
  shortcuts,
  className,
}: RadioGroupProps) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const option = /^[1-9]$/.test(event.key) ? options[Number(event.key) - 1] : undefined;
    if (option) {
      event.preventDefault();
      onChange(option.value);
      document.getElementById(`${name}-${option.value}`)?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };
  return (
    <fieldset
      className={`form-group ${className ?? ''}`}
      aria-describedby={describedBy(name, error, hint)}
      onKeyDown={shortcuts ? onKeyDown : undefined}
    >
      <legend className="form-legend">
        {legend}
        {required && <span className="text-muted fw-normal"> ({t.common.required})</span>}
      </legend>
      <Hint id={name} hint={hint} />
      <div className={stacked ? 'd-flex flex-column gap-2' : 'd-flex flex-wrap gap-4'}>
        {options.map((o, index) => (
          <div className={`form-check m-0${stacked ? '' : ' form-check-inline'}`} key={o.value}>
            <input
              type="radio"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-keyshortcuts={shortcuts && index < 9 ? String(index + 1) : undefined}
              aria-describedby={o.description ? `${name}-${o.value}-description` : undefined}
            />
            <label htmlFor={`${name}-${o.value}`}>
              {shortcuts && index < 9 && (
                <kbd className="shortcut-key" aria-hidden="true">
                  {index + 1}
                </kbd>
              )}
              {o.label}
            </label>
            {o.description && (
              <p id={`${name}-${o.value}-description`} className="small text-muted mb-0 ms-5">
                {o.description}
              </p>
            )}
          </div>
        ))}
      </div>
      <FieldError id={fieldErrorId(name)} message={error} />
    </fieldset>
  );
}
