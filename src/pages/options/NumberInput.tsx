/** A number box: empty means "not set" for optional values and is an error for required ones. */
import type { ControlProps } from './Field';

export interface NumberInputProps extends ControlProps {
  readonly value: number | undefined;
  /** Required values report an empty box as NaN, which validation names ("expected a finite number"). */
  readonly onChange: (value: number | undefined) => void;
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
}

export function NumberInput({ value, onChange, optional, min, max, step = 1, ...control }: NumberInputProps) {
  return (
    <input
      type="number"
      class="num"
      {...control}
      min={min}
      max={max}
      step={step}
      value={value === undefined || Number.isNaN(value) ? '' : String(value)}
      onInput={(e) => {
        const raw = e.currentTarget.value.trim();
        if (raw === '') onChange(optional ? undefined : Number.NaN);
        else onChange(Number(raw));
      }}
    />
  );
}
