type Option<T> = { value: T; label: string; hint?: string };

type Props<T> = {
  legend: string;
  options: readonly Option<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
};

/** A group of toggles where none selected means "all". */
export function CheckboxGroup<T extends string | number>({ legend, options, selected, onChange }: Props<T>) {
  const toggle = (value: T, isOn: boolean) =>
    onChange(isOn ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset className="option-group">
      <legend>
        {legend}{' '}
        <span className="muted">{selected.length === 0 ? '(all)' : `(${selected.length} chosen)`}</span>
      </legend>
      <div className="option-group__options">
        {options.map((option) => (
          <label key={option.value} className="option">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>
              {option.label}
              {option.hint && <span className="option__hint"> · {option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
