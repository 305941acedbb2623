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
