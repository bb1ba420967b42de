import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** A first option meaning "any", such as "All banks", with the empty value. */
  anyLabel?: string;
};

/** A labelled drop-down list, as every form in the app lays it out. */
export function SelectField({ label, value, options, onChange, anyLabel }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="text-field" value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
