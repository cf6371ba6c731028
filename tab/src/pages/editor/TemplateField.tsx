import { Button, Caption1, Field, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useEditorStyles } from './EditorPage.styles';
import { insertPlaceholder, type Placeholder, suggestPlaceholders } from './placeholders';

type Props = {
  label: string;
  value: string;
  available: readonly Placeholder[];
  problem: string | undefined;
  onChange: (value: string) => void;
};

/** A prompt or document template; typing `{{` offers the inputs and earlier outputs it may use. */
export function TemplateField({ label, value, available, problem, onChange }: Props) {
  const styles = useEditorStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const suggestion = caret === null ? null : suggestPlaceholders(value.slice(0, caret), available);

  const choose = (placeholder: Placeholder) => {
    if (suggestion === null || caret === null) return;
    const next = insertPlaceholder(value, suggestion.from, caret, placeholder);
    onChange(next.text);
    setCaret(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <div className={styles.section}>
      <Field
        label={label}
        hint={`Type {{ to use ${available.length === 0 ? 'an input (none collected yet)' : 'an input or an earlier step’s output'}.`}
        validationMessage={problem}
        validationState={problem ? 'error' : 'none'}
      >
        <Textarea
          ref={area}
          value={value}
          resize="vertical"
          rows={5}
          onChange={(event, data) => {
            onChange(data.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        />
      </Field>
      {suggestion && (
        <ul className={styles.suggestions} aria-label={`Placeholders for ${label}`}>
          {suggestion.options.map((option) => (
            <li key={option.text}>
              <Button size="small" onClick={() => choose(option)} title={option.description}>
                {option.text}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {available.length > 0 && !suggestion && (
        <Caption1>Can use: {available.map((option) => option.text).join(' ')}</Caption1>
      )}
    </div>
  );
}
