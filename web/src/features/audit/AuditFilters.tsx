import { useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../../shared/src/audit/audit.catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { SelectField, TextField } from '../../ui/fields';
import type { AuditFilter } from './api';
import { useFilterDraft } from '../../ui/useFilterDraft';

interface AuditFiltersProps {
  value: AuditFilter;
  onApply: (filter: AuditFilter) => void;
}

/** Who, what, which record, when: the auditor's questions as filters. */
export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t, locale } = useI18n();
  const [rangeError, setRangeError] = useState('');
  const { draft, set, submit } = useFilterDraft(value, onApply);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const entityTypes = Object.entries(AUDIT_ENTITY_TYPES)
    .map(([v, label]) => ({ value: v, label: label[locale] }))
    .sort(byLabel);
  const actions = Object.entries(AUDIT_ACTIONS)
    .map(([v, label]) => ({ value: v, label: label[locale] }))
    .sort(byLabel);
  // A range that ends before it starts would silently find nothing: said next to "Al" instead.
  const check = (event: FormEvent) => {
    if (draft.from && draft.to && draft.to < draft.from) {
      event.preventDefault();
      setRangeError(t.audit.rangeReversed);
      document.getElementById('audit-to')?.focus();
      return;
    }
    setRangeError('');
    submit(event);
  };
  return (
    <form role="search" onSubmit={check} noValidate className="mb-4" aria-label={t.audit.filters}>
      <div className="row">
        <SelectField
          id="audit-entity-type"
          className="col-12 col-md-4"
          label={t.audit.entityType}
          value={draft.entityType}
          onChange={set('entityType')}
          options={entityTypes}
          placeholder={t.common.all}
        />
        <TextField
          id="audit-entity-id"
          className="col-12 col-md-8"
          label={t.audit.entityId}
          value={draft.entityId}
          onChange={set('entityId')}
          hint={t.audit.entityIdHint}
          spellCheck={false}
        />
      </div>
      <div className="row">
        <SelectField
          id="audit-action"
          className="col-12 col-md-4"
          label={t.audit.action}
          value={draft.action}
          onChange={set('action')}
          options={actions}
          placeholder={t.common.all}
        />
        <TextField
          id="audit-actor"
          className="col-12 col-md-4"
          label={t.audit.actor}
          hint={t.audit.actorHint}
          value={draft.actor}
          onChange={set('actor')}
        />
        <TextField
          id="audit-from"
          className="col-6 col-md-2"
          type="date"
          label={t.audit.from}
          value={draft.from}
          onChange={set('from')}
        />
        <TextField
          id="audit-to"
          className="col-6 col-md-2"
          type="date"
          label={t.audit.to}
          value={draft.to}
          onChange={set('to')}
          error={rangeError || undefined}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {t.common.search}
      </button>
    </form>
  );
}
