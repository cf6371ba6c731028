/** @jest-environment jest-fixed-jsdom */
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Placeholder } from './placeholders';
import { TemplateField } from './TemplateField';

const AVAILABLE: Placeholder[] = [
  { text: '{{input.source}}', description: 'The supplier’s letter' },
  { text: '{{step.draft.output}}', description: 'what “Draft the reply” drafts' },
];

function Harness({ problem }: { problem?: string }) {
  const [value, setValue] = useState('');
  return (
    <FluentProvider theme={webLightTheme}>
      <TemplateField
        label="Prompt template"
        value={value}
        available={AVAILABLE}
        problem={problem}
        onChange={setValue}
      />
    </FluentProvider>
  );
}

const type = (area: HTMLTextAreaElement, value: string) =>
  act(() => {
    fireEvent.change(area, { target: { value } });
  });

describe('a template field', () => {
  it('offers the matching placeholders after {{ and completes the one chosen', async () => {
    render(<Harness />);
    const area = screen.getByLabelText('Prompt template') as HTMLTextAreaElement;
    expect(screen.queryByRole('list', { name: 'Placeholders for Prompt template' })).toBeNull();

    await type(area, 'Reply to {{');
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '{{input.source}}',
      '{{step.draft.output}}',
    ]);
    await type(area, 'Reply to {{st');
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '{{step.draft.output}}',
    ]);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '{{step.draft.output}}' }));
    });
    expect(area.value).toBe('Reply to {{step.draft.output}}');
    expect(screen.queryByRole('list', { name: 'Placeholders for Prompt template' })).toBeNull();
  });

  it('shows the server’s problem with the template beside it', () => {
    render(<Harness problem="unknown placeholder {{inputs.x}}" />);
    expect(screen.getByText('unknown placeholder {{inputs.x}}')).toBeTruthy();
    expect(screen.getByLabelText('Prompt template').getAttribute('aria-invalid')).toBe('true');
  });
});
