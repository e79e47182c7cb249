/**
 * A comma-separated list in one text box. The text the author types is kept as typed ("smoothie, ") and
 * only replaced when the list changes from outside (discard, import, a different item). That is decided
 * during render by the identity of the list: the list this box emitted comes back as the same array.
 * (An effect would run late — Preact flushes it just before the next keystroke's render — and could
 * overwrite fresh typing with an older list.)
 */
import { useRef, useState } from 'preact/hooks';
import type { ControlProps } from './Field';
import { joinKeywords, sameKeywords, splitKeywords } from './keywords';

export interface KeywordsInputProps extends ControlProps {
  readonly value: readonly string[] | undefined;
  readonly onChange: (value: string[]) => void;
  readonly placeholder?: string;
}

export function KeywordsInput({ value, onChange, placeholder, ...control }: KeywordsInputProps) {
  const text = useRef(joinKeywords(value));
  const known = useRef<readonly string[] | undefined>(value);
  const [, rerender] = useState(0);
  if (value !== known.current) {
    known.current = value;
    if (!sameKeywords(text.current, value)) text.current = joinKeywords(value);
  }
  return (
    <input
      type="text"
      {...control}
      value={text.current}
      placeholder={placeholder}
      autocomplete="off"
      spellcheck={false}
      onInput={(e) => {
        const next = e.currentTarget.value;
        const list = splitKeywords(next);
        text.current = next;
        known.current = list;
        rerender((n) => n + 1);
        onChange(list);
      }}
    />
  );
}
