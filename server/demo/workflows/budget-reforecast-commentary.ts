import { dedent, type DemoWorkflow } from './demo-workflow';

export const budgetReforecastCommentary: DemoWorkflow = {
  authorEmail: 'sofia.lindqvist@northwind.example',
  definition: {
    title: 'Quarterly budget reforecast commentary',
    summary:
      "Write the commentary that goes with a department's quarterly reforecast: the full-year outcome against budget and the last forecast, a bridge that adds up, what is timing and what is permanent, and the risks not yet in the numbers.",
    skillArea: 'planning',
    suitedFor: {
      departments: ['Finance'],
      jobTitles: [
        'Financial Analyst',
        'Senior Financial Analyst',
        'Financial Planning & Analysis Lead',
        'Finance Director',
      ],
    },
    manualMinutes: 240,
    inputs: [
      {
        name: 'scope',
        label: 'Department and quarter',
        description:
          'Whose reforecast and which cycle, e.g. "Marketing, Q3 FY2025 reforecast (6+6)", and the currency.',
        maxChars: 300,
      },
      {
        name: 'forecastTable',
        label: 'Reforecast table',
        description:
          'The reforecast by cost or P&L line with columns for full-year budget, previous forecast, new forecast and actuals to date. CSV or a table copied from the planning model both work.',
        maxChars: 40_000,
      },
      {
        name: 'ownerNotes',
        label: "Budget owner's explanations",
        description:
          'Your notes from the reforecast meeting, as they are: hires moved, contracts signed or delayed, campaigns cut, one-off costs, price changes.',
        maxChars: 10_000,
      },
      {
        name: 'audience',
        label: 'Who reads it and what they decide',
        description:
          'e.g. "Executive team, deciding whether to release the Q4 hiring hold" or "Finance Director, consolidating the group forecast".',
        maxChars: 500,
      },
    ],
    steps: [
      {
        id: 'numbers',
        kind: 'input',
        title: 'Share the reforecast',
        instructions:
          'Paste the reforecast table exported from the planning model, with budget, previous forecast, new forecast and actuals to date for each line.',
        inputNames: ['scope', 'forecastTable'],
      },
      {
        id: 'context',
        kind: 'input',
        title: 'Add what the budget owner told you',
        instructions:
          "The commentary explains the numbers with the budget owner's reasons, so paste your meeting notes and say who will read the commentary.",
        inputNames: ['ownerNotes', 'audience'],
      },
      {
        id: 'bridge',
        kind: 'generate',
        title: 'Build the variance bridge',
        instructions:
          'The AI computes the variances and builds a bridge from budget to the new forecast, sorting each change into timing or permanent.',
        prompt: dedent`
          You are an FP&A analyst preparing a quarterly reforecast. You reconcile every number and you separate facts from assumptions.

          Scope:
          {{input.scope}}

          Reforecast table:
          {{input.forecastTable}}

          Budget owner's explanations (meeting notes):
          {{input.ownerNotes}}

          Do the following:
          1. For each line and in total, compute new forecast minus budget and new forecast minus previous forecast, in amount and percent.
          2. Build a bridge from the full-year budget total to the new forecast total. Group the changes by driver, and label each driver as one of: timing (phasing between quarters that nets out within the year), volume, price or rate, one-off, or scope change.
          3. Attribute drivers only from the budget owner's notes. Put any change the notes do not explain in a separate "Unattributed" bridge step; never fold it into another driver.
          4. Headcount changes: use the start or leave dates in the notes to cost only the months affected, never a full year.
          5. Check that the bridge adds up exactly and state the check ("Budget X + steps = New forecast Y").

          Output, in Markdown: a variance table (Line | Budget | Previous forecast | New forecast | vs budget | vs previous), then the bridge as a numbered list with amounts and driver labels, then the arithmetic check, then "Assumptions I had to make", or "None".
        `,
        tips: 'The bridge must add up to the unit: if it does not, regenerate with "the bridge does not reconcile, show each step\'s arithmetic". Watch the timing label. A cost pushed into next year is not timing within this year, and calling it timing makes the forecast look better than it is.',
      },
      {
        id: 'check-bridge',
        kind: 'verify',
        title: 'Check the bridge',
        instructions:
          'A reforecast commentary is quoted back to Finance for the rest of the year. Check the bridge before anything is written around it.',
        checklist: [
          'The budget, previous forecast and new forecast totals match the table I pasted.',
          'The bridge steps add up exactly from budget to the new forecast.',
          'Timing items really net out within the year; nothing permanent is labelled timing.',
          'Every driver is one the budget owner gave me, not an assumption by the AI.',
          'Headcount changes are costed from the start dates in my notes, not for a full year.',
          'Unattributed changes are shown as unattributed, not hidden inside another driver.',
        ],
      },
      {
        id: 'commentary',
        kind: 'generate',
        title: 'Write the commentary',
        instructions: 'The checked bridge becomes commentary written for the people who decide.',
        prompt: dedent`
          You are a senior FP&A analyst writing reforecast commentary for this audience:
          {{input.audience}}

          Scope:
          {{input.scope}}

          Checked variance table and bridge. Use these figures exactly; do not add or recompute any:
          {{step.bridge.output}}

          Budget owner's explanations:
          {{input.ownerNotes}}

          Write at most 400 words with these sections:
          - "Headline": one sentence with the full-year outcome against budget and against the previous forecast.
          - "What changed": the three to five biggest bridge steps, each with its amount, its reason, and whether it is timing or permanent.
          - "Risks and opportunities not in the forecast": only ones raised in the notes. Give a range only if the notes give one; otherwise write "not quantified".
          - "Decisions needed": what the audience is asked to decide, and by when.
          Write plainly for non-finance readers. Do not soften an overspend and do not claim savings the bridge does not show.
        `,
        tips: 'Executives read the headline and the decisions; make both work on their own. If the draft calls an overspend "slightly above plan" or counts a deferral as a saving, regenerate with "state variances neutrally with amounts".',
      },
      {
        id: 'commentary-document',
        kind: 'deliverable',
        title: 'Your reforecast commentary',
        instructions: 'Here is the commentary with the bridge as support. Paste it into the forecast pack.',
        template: dedent`
          # Reforecast commentary: {{input.scope}}

          {{step.commentary.output}}

          ---

          ## Supporting variance table and bridge

          {{step.bridge.output}}
        `,
      },
    ],
    rubric: [
      {
        id: 'reconciles',
        criterion: 'Bridge reconciles',
        description:
          'The bridge adds up exactly from budget to the new forecast, and every figure in the commentary matches the reforecast table.',
      },
      {
        id: 'timing-permanent',
        criterion: 'Timing versus permanent is honest',
        description:
          'Phasing that nets out within the year is separated from permanent changes, and nothing permanent is presented as timing.',
      },
      {
        id: 'risks',
        criterion: 'Risks are stated candidly',
        description:
          'Risks and opportunities come from the budget owner, are quantified only where there is a basis, and unattributed variances are visible.',
      },
      {
        id: 'decision-ready',
        criterion: 'Written for the decision',
        description:
          'The headline and the decisions needed make sense to a non-finance reader in under a minute, within 400 words.',
      },
    ],
  },
};
