import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import {
  SERVICE_UNITS,
  TARGET_GROUPS,
  type Category,
  type ProviderOrganization,
  type ProviderOrganizationList,
  type Service,
} from '../../../../shared/src/catalog/catalog.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import {
  CATEGORIES_PATH,
  MY_PROVIDERS_PATH,
  createService,
  servicePath,
  updateService,
} from '../../features/catalog/api';
import {
  EMPTY_SERVICE,
  checkService,
  fromService,
  type ServiceFormValues,
} from '../../features/catalog/serviceForm';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { CheckboxField, SelectField, TextAreaField, TextField, type OptionGroup } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

// Server field → the element to focus, in the order of the form.
const FIELD_IDS: [string, string][] = [
  ['categoryId', 'service-category'],
  ['name', 'service-name'],
  ['description', 'service-description'],
  ['targetGroups', `service-target-${TARGET_GROUPS[0]}`],
  ['comuni', 'service-comuni'],
  ['schedule', 'service-schedule'],
  ['unit', 'service-unit'],
  ['listPriceCents', 'service-list-price'],
  ['cappedPriceCents', 'service-capped-price'],
  ['capacity', 'service-capacity'],
  ['capacityPeriod', 'service-capacity-period'],
  ['requiredDocuments', 'service-documents'],
];

function focusFirst(errors: Record<string, string>): void {
  const found = FIELD_IDS.find(([field]) => errors[field]);
  if (!found) return;
  const element = document.getElementById(found[1]);
  (element?.matches('fieldset') ? element.querySelector('input') : element)?.focus();
}

/** Navigation state after a service is created: what the editor confirms. */
interface EditorNotice {
  notice: 'created';
}

/**
 * `/fornitore/servizi/nuovo` and `/fornitore/servizi/:id`: a provider proposes a service or changes
 * one of theirs. Every refused field is shown next to it before anything is sent (the schema and
 * the rules the server uses); a new price sends a published service back to moderation.
 */
export function ServiceEditorPage() {
  const { t: all } = useI18n();
  const t = all.catalog.editor;
  const { id } = useParams();
  const providers = useApi<ProviderOrganizationList>(MY_PROVIDERS_PATH);
  const categories = useApi<Category[]>(CATEGORIES_PATH);
  const service = useApi<Service>(id ? servicePath(id) : null);
  const ready = providers.data && categories.data && (!id || service.data);
  const provider = id
    ? providers.data?.items.find((p) => p.id === service.data?.providerId)
    : providers.data?.items[0];
  return (
    <Page
      title={id ? t.editTitle : t.newTitle}
      lead={t.lead}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: all.catalog.provider.title, to: '/fornitore' },
      ]}
    >
      <ApiErrorAlert error={providers.error ?? categories.error ?? service.error} />
      {!ready && !providers.error && !categories.error && !service.error && <Loading />}
      {ready && !provider && <p>{t.noProvider}</p>}
      {ready && provider && (
        <ServiceForm
          key={service.data?.id ?? 'new'}
          provider={provider}
          categories={categories.data!}
          service={service.data ?? null}
          onSaved={service.reload}
        />
      )}
    </Page>
  );
}

function categoryGroups(categories: Category[]): OptionGroup[] {
  const roots = categories.filter((c) => c.parentId === null);
  return roots.map((root) => ({
    label: root.name,
    options: [root, ...categories.filter((c) => c.parentId === root.id)].map((c) => ({
      value: c.id,
      label: c.name,
    })),
  }));
}

function ServiceForm({
  provider,
  categories,
  service,
  onSaved,
}: {
  provider: ProviderOrganization;
  categories: Category[];
  service: Service | null;
  onSaved: () => void;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog.editor;
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<ServiceFormValues>(() =>
    service ? fromService(service) : EMPTY_SERVICE,
  );
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<'created' | 'saved' | null>(
    (location.state as EditorNotice | null)?.notice === 'created' ? 'created' : null,
  );
  const save = useAction((input: ReturnType<typeof checkService>['input']) =>
    service ? updateService(service.id, { ...input, version: service.version }) : createService(input),
  );
  const errors = { ...fieldErrorsOf(save.error, all), ...invalid };
  const set =
    <K extends keyof ServiceFormValues>(field: K) =>
    (value: ServiceFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const toggle = (field: 'targetGroups' | 'comuni', value: string) => (checked: boolean) =>
    setValues((v) => ({
      ...v,
      [field]: checked ? [...v[field], value] : v[field].filter((x) => x !== value),
    }));

  useEffect(() => {
    if (save.error) focusFirst(fieldErrorsOf(save.error, all));
  }, [save.error, all]);

  // The territory, plus any comune the service still names outside it (to be taken away).
  const comuni = [
    ...provider.comuni,
    ...(service?.comuni ?? []).filter((c) => !provider.comuni.some((p) => p.code === c.code)),
  ];
  const priceChanged =
    service !== null &&
    (values.listPrice !== fromService(service).listPrice ||
      values.cappedPrice !== fromService(service).cappedPrice);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const check = checkService(
      values,
      { id: provider.id, comuni: provider.comuni.map((c) => c.code) },
      locale,
      all,
    );
    setInvalid(check.errors);
    if (Object.keys(check.errors).length > 0) return focusFirst(check.errors);
    const result = await save.run(check.input);
    if (!result.ok) return;
    if (service) {
      setSaved('saved');
      onSaved();
    } else {
      void navigate(`/fornitore/servizi/${result.value.id}`, {
        state: { notice: 'created' } satisfies EditorNotice,
      });
    }
  };

  const groupError = (field: 'targetGroups' | 'comuni') => errors[field];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {service && (
        <section aria-labelledby="service-moderation" className="mb-4">
          <h2 id="service-moderation" className="h4">
            {t.moderationState}
          </h2>
          <p className="mb-1">
            <Badge
              tone={
                service.status === 'approved'
                  ? 'success'
                  : service.status === 'rejected'
                    ? 'danger'
                    : 'warning'
              }
            >
              {all.catalog.provider.moderation[service.status] ?? service.status}
            </Badge>{' '}
            {t.statusText[service.status]}
          </p>
          {service.moderationNote && (
            <p className="small">{all.catalog.provider.moderationNote(service.moderationNote)}</p>
          )}
        </section>
      )}
      {saved && service && (
        <SuccessAlert>
          {saved === 'created' ? t.created : service.status === 'pending' ? t.savedPending : t.savedApproved}
        </SuccessAlert>
      )}
      <ApiErrorAlert error={save.error} />

      <fieldset className="mb-4">
        <legend className="h4">{t.what}</legend>
        <p className="small">{t.provider(provider.name)}</p>
        <div className="row">
          <SelectField
            id="service-category"
            className="col-12 col-md-6"
            label={t.category}
            required
            value={values.categoryId}
            onChange={set('categoryId')}
            options={categoryGroups(categories)}
            placeholder={all.common.choose}
            error={errors.categoryId}
          />
        </div>
        <TextField
          id="service-name"
          label={t.name}
          required
          maxLength={160}
          value={values.name}
          onChange={set('name')}
          error={errors.name}
        />
        <TextAreaField
          id="service-description"
          label={t.description}
          hint={t.descriptionHint}
          required
          rows={4}
          maxLength={4000}
          value={values.description}
          onChange={set('description')}
          error={errors.description}
        />
        <fieldset
          id="service-targets"
          className="form-group"
          aria-describedby={groupError('targetGroups') ? fieldErrorId('service-targets') : undefined}
        >
          <legend className="form-legend">{t.targets}</legend>
          <div className="d-flex flex-wrap column-gap-4">
            {TARGET_GROUPS.map((g) => (
              <CheckboxField
                key={g}
                id={`service-target-${g}`}
                label={all.catalog.targets[g] ?? g}
                checked={values.targetGroups.includes(g)}
                onChange={toggle('targetGroups', g)}
              />
            ))}
          </div>
          <FieldError id={fieldErrorId('service-targets')} message={groupError('targetGroups')} />
        </fieldset>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">{t.whereWhen}</legend>
        <fieldset
          id="service-comuni"
          className="form-group"
          aria-describedby={`service-comuni-hint${groupError('comuni') ? ` ${fieldErrorId('service-comuni')}` : ''}`}
        >
          <legend className="form-legend">
            {t.comuni} <span className="text-muted fw-normal">({all.common.required})</span>
          </legend>
          <small id="service-comuni-hint" className="form-text d-block mb-2">
            {t.comuniHint}
          </small>
          <div className="service-comuni row row-cols-1 row-cols-sm-2 row-cols-lg-3 g-0">
            {comuni.map((c) => (
              <div className="col" key={c.code}>
                <CheckboxField
                  id={`service-comune-${c.code}`}
                  label={provider.comuni.some((p) => p.code === c.code) ? c.name : t.outsideTerritory(c.name)}
                  checked={values.comuni.includes(c.code)}
                  onChange={toggle('comuni', c.code)}
                />
              </div>
            ))}
          </div>
          <FieldError id={fieldErrorId('service-comuni')} message={groupError('comuni')} />
        </fieldset>
        <TextField
          id="service-schedule"
          label={t.schedule}
          hint={t.scheduleHint}
          maxLength={400}
          value={values.schedule}
          onChange={set('schedule')}
          error={errors.schedule}
        />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">{t.prices}</legend>
        {service?.status === 'approved' && (
          <p
            className={priceChanged ? 'alert alert-warning' : 'small'}
            role={priceChanged ? 'status' : undefined}
          >
            {t.priceModeration}
          </p>
        )}
        <div className="row">
          <SelectField
            id="service-unit"
            className="col-12 col-md-4"
            label={t.unit}
            required
            value={values.unit}
            onChange={set('unit')}
            options={SERVICE_UNITS.map((u) => ({ value: u, label: t.units[u] ?? u }))}
            error={errors.unit}
          />
          <TextField
            id="service-list-price"
            className="col-12 col-md-4"
            label={t.listPrice}
            hint={t.euroHint}
            required
            inputMode="decimal"
            value={values.listPrice}
            onChange={set('listPrice')}
            error={errors.listPriceCents}
          />
          <TextField
            id="service-capped-price"
            className="col-12 col-md-4"
            label={t.cappedPrice}
            hint={t.cappedHint}
            required
            inputMode="decimal"
            value={values.cappedPrice}
            onChange={set('cappedPrice')}
            error={errors.cappedPriceCents}
          />
        </div>
        <div className="row">
          <TextField
            id="service-capacity"
            className="col-12 col-md-4"
            label={t.capacity}
            hint={t.capacityHint}
            inputMode="numeric"
            value={values.capacity}
            onChange={set('capacity')}
            error={errors.capacity}
          />
          <SelectField
            id="service-capacity-period"
            className="col-12 col-md-4"
            label={t.capacityPeriod}
            value={values.capacityPeriod}
            onChange={set('capacityPeriod')}
            options={['day', 'week', 'month'].map((p) => ({
              value: p,
              label: all.catalog.service.periods[p] ?? p,
            }))}
            placeholder={t.noCapacity}
            error={errors.capacityPeriod}
          />
        </div>
        <CheckboxField
          id="service-municipal"
          label={t.municipal}
          checked={values.isMunicipal}
          onChange={set('isMunicipal')}
        />
        <FieldError id={fieldErrorId('service-municipal')} message={errors.municipalProgram} />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">{t.documents}</legend>
        <TextAreaField
          id="service-documents"
          label={t.documentsLabel}
          hint={t.documentsHint}
          rows={3}
          value={values.requiredDocuments}
          onChange={set('requiredDocuments')}
          error={errors.requiredDocuments}
        />
      </fieldset>

      <button type="submit" className="btn btn-primary btn-lg" disabled={save.pending}>
        {save.pending ? all.common.saving : service ? t.save : t.create}
      </button>
    </form>
  );
}
