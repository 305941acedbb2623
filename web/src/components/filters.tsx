// A filter form whose values live in the address (so a filtered page can be shared and reloaded).
import { useLocation } from 'preact-iso';
import { href } from './links.tsx';

export interface Field {
  name: string;
  label: string;
  placeholder?: string;
  options?: { value: string; label: string }[];
  /** What the page uses when the address names no value. */
  default?: string;
}

export function FilterForm({ fields, submit = 'Filter' }: { fields: Field[]; submit?: string }) {
  const { path, query, route } = useLocation();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const values: Record<string, string> = {};
    for (const f of fields) values[f.name] = String(form.get(f.name) ?? '').trim();
    route(href(path, values));
  };
  return (
    <form class="filters" onSubmit={onSubmit}>
      {fields.map((f) => (
        <label>
          <span>{f.label}</span>
          {f.options ? (
            <select name={f.name} value={query[f.name] ?? f.default ?? ''}>
              {f.options.map((o) => (
                <option value={o.value}>{o.label}</option>
              ))}
            </select>
          ) : (
            <input name={f.name} value={query[f.name] ?? ''} placeholder={f.placeholder} />
          )}
        </label>
      ))}
      <button type="submit">{submit}</button>
    </form>
  );
}

/**
 * The minimum-confidence filter every events view shares: empty means the server's default, the
 * event threshold shown everywhere (data/events/confidence.json); 0 shows every event.
 */
export function confidenceField(name = 'minConfidence'): Field {
  return {
    name,
    label: 'Min. confidence',
    default: '',
    options: [
      { value: '', label: 'threshold (default)' },
      { value: '0', label: 'all events' },
      ...['0.2', '0.4', '0.6', '0.8'].map((v) => ({ value: v, label: `at least ${v}` })),
    ],
  };
}

/**
 * How events are counted: once per trace origin (copies of one story once, the default) or every
 * report. The address holds `reports=all` for the latter.
 */
export function reportsField(): Field {
  return {
    name: 'reports',
    label: 'Count',
    default: '',
    options: [
      { value: '', label: 'once per origin' },
      { value: 'all', label: 'every report' },
    ],
  };
}

/** The counting mode from the address, or undefined for the default (once per origin). */
export function reportsParam(value: string | undefined): 'all' | undefined {
  return value === 'all' ? 'all' : undefined;
}

/** A confidence from the address, or undefined for the server's default. */
export function confidenceParam(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}
