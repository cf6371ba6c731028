import { describe, expect, it } from '@jest/globals';
import { blankDefinition, type EditorDefinition, fromDraft, toDefinition } from './editorModel';
import { availablePlaceholders, fillPreview, insertPlaceholder, suggestPlaceholders } from './placeholders';

function variance(): EditorDefinition {
  const definition = blankDefinition();
  definition.inputs = [
    { name: 'ledger', label: 'Ledger extract', description: 'the extract', required: true },
    { name: 'notes', label: 'Notes', description: 'context', required: false },
  ];
  definition.steps = [
    { ...definition.steps[0]!, id: 'collect', inputNames: ['ledger'] },
    { ...definition.steps[1]!, id: 'draft', title: 'Draft the memo' },
    { ...definition.steps[0]!, id: 'more', inputNames: ['notes'] },
    { ...definition.steps[2]!, id: 'result' },
  ];
  return definition;
}

describe('placeholder suggestions', () => {
  it('offer the inputs collected so far and the outputs of earlier generate steps only', () => {
    const definition = variance();
    expect(availablePlaceholders(definition, 1).map((option) => option.text)).toEqual(['{{input.ledger}}']);
    expect(availablePlaceholders(definition, 3).map((option) => option.text)).toEqual([
      '{{input.ledger}}',
      '{{input.notes}}',
      '{{step.draft.output}}',
    ]);
  });

  it('appear inside an unfinished {{ and narrow to what was typed', () => {
    const available = availablePlaceholders(variance(), 3);
    expect(suggestPlaceholders('Summarise ', available)).toBeNull();
    expect(suggestPlaceholders('Summarise {{', available)?.options).toHaveLength(3);
    const typed = suggestPlaceholders('Summarise {{ste', available);
    expect(typed).toEqual({
      from: 10,
      options: [expect.objectContaining({ text: '{{step.draft.output}}' })],
    });
    expect(suggestPlaceholders('Summarise {{input.ledger}} and ', available)).toBeNull();
    expect(suggestPlaceholders('Summarise {{zzz', available)).toBeNull();
  });

  it('complete the placeholder at the caret, replacing what was typed and a closing half already there', () => {
    const option = { text: '{{input.ledger}}', description: 'Ledger extract' };
    expect(insertPlaceholder('Read {{led and stop', 5, 10, option)).toEqual({
      text: 'Read {{input.ledger}} and stop',
      caret: 21,
    });
    expect(insertPlaceholder('Read {{inp}} now', 5, 10, option).text).toBe('Read {{input.ledger}} now');
  });
});

describe('the live preview', () => {
  it('fills inputs with the author’s samples and names what is not known yet', () => {
    const preview = fillPreview(
      'Ledger: {{ input.ledger }}\nNotes: {{input.notes}}\nDraft: {{step.draft.output}}\nOdd: {{inputs.x}}',
      { ledger: '4100 Travel 12,400' },
      { draft: 'Draft the memo' },
    );
    expect(preview).toBe(
      'Ledger: 4100 Travel 12,400\nNotes: [notes: no sample yet]\nDraft: [what “Draft the memo” drafts]\nOdd: {{inputs.x}}',
    );
  });
});

describe('the editor model', () => {
  it('keeps a saved draft through a load and save, each step with only its own kind’s fields', () => {
    const definition = toDefinition(variance());
    expect(toDefinition(fromDraft(definition))).toEqual(definition);
    const steps = definition['steps'] as Record<string, unknown>[];
    expect(Object.keys(steps[0]!).sort()).toEqual(['id', 'inputNames', 'instructions', 'kind', 'title']);
    expect(Object.keys(steps[1]!).sort()).toEqual(['id', 'instructions', 'kind', 'prompt', 'title']);
  });

  it('opens an incomplete or odd draft without failing', () => {
    const editor = fromDraft({ title: 'Half', steps: [{ kind: 'nonsense', id: 'x' }], inputs: 'no' });
    expect(editor.title).toBe('Half');
    expect(editor.inputs).toEqual([]);
    expect(editor.steps[0]).toMatchObject({ id: 'x', kind: 'input', prompt: '' });
  });
});
