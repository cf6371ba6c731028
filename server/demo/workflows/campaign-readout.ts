import { dedent, type DemoWorkflow } from './demo-workflow';

export const campaignReadout: DemoWorkflow = {
  authorEmail: 'gabriel.santos@northwind.example',
  definition: {
    title: 'Campaign performance readout',
    summary:
      "Turn a campaign's channel export and the goals it was approved with into a readout for marketing leadership: results against target, cost per outcome, what worked, what did not, and what to change in the next flight.",
    skillArea: 'analysis',
    suitedFor: {
      departments: ['Marketing'],
      jobTitles: [
        'Campaign Manager',
        'Marketing Operations Specialist',
        'Product Marketing Manager',
        'Content Marketing Manager',
        'Demand Generation Lead',
      ],
    },
    manualMinutes: 120,
    inputs: [
      {
        name: 'campaignName',
        label: 'Campaign name and dates',
        description: 'e.g. "Spring inventory webinar series, 3 March to 11 April 2025".',
        maxChars: 200,
      },
      {
        name: 'campaignBrief',
        label: 'Campaign goals',
        description:
          'Audience, budget and the targets it was approved with (e.g. MQLs, registrations, pipeline, cost per lead), copied from the campaign brief.',
        maxChars: 5_000,
      },
      {
        name: 'results',
        label: 'Results export',
        description:
          'Channel-level results as CSV or a table: channel, spend, impressions, clicks, conversions, and pipeline if it is tracked. Say which attribution model the export uses if you know it.',
        maxChars: 50_000,
      },
    ],
    steps: [
      {
        id: 'share-results',
        kind: 'input',
        title: 'Share the goals and the results',
        instructions:
          'Paste the targets from the approved campaign brief and the channel export from the marketing automation or ads platform. Use the raw export, not a dashboard screenshot retyped.',
        inputNames: ['campaignName', 'campaignBrief', 'results'],
      },
      {
        id: 'metrics',
        kind: 'generate',
        title: 'Compute results against target',
        instructions:
          'The AI computes the funnel metrics by channel and in total and compares them with the targets.',
        prompt: dedent`
          You are a marketing operations analyst. You compute metrics exactly from the data given and you state what the data cannot show.

          Campaign: {{input.campaignName}}

          Campaign brief with approved targets:
          {{input.campaignBrief}}

          Results export:
          {{input.results}}

          Do the following:
          1. For each channel and in total: spend, impressions, clicks, CTR, conversions, conversion rate, cost per conversion, and pipeline per unit of spend where pipeline is present. Show the formula once.
          2. Compare the totals with each target in the brief: actual, target, difference, percent of target. Quote the targets exactly as the brief states them.
          3. Flag any channel with fewer than 30 conversions as "too small to judge" and do not rank it.
          4. State the attribution model if the export names it; otherwise write "attribution model unknown". Never present pipeline as revenue.
          5. List data problems: missing columns, totals that do not match the rows, dates outside the campaign window.

          Output in Markdown: a channel table, a targets table, then "Too small to judge", "Data problems" and "Attribution".
        `,
        tips: 'If totals differ from the export, the paste probably dropped rows or kept a totals row as a channel: remove the totals row and regenerate. Channels with a handful of conversions produce dramatic cost-per-lead swings, so keep them out of any ranking.',
      },
      {
        id: 'check-metrics',
        kind: 'verify',
        title: 'Check the numbers',
        instructions:
          'Leadership will quote these numbers in the next budget discussion. Check them before you write around them.',
        checklist: [
          'Total spend and total conversions equal the sums in my export.',
          'I recomputed cost per conversion for the biggest channel and it matches.',
          'The targets quoted are the ones in the approved brief, not rounded or restated.',
          'Channels with too few conversions are flagged, not ranked.',
          'The attribution model is stated, and pipeline is not called revenue.',
        ],
      },
      {
        id: 'readout',
        kind: 'generate',
        title: 'Write the readout',
        instructions: 'The checked metrics become a one-page readout with recommendations tied to evidence.',
        prompt: dedent`
          You are a senior marketer writing a campaign readout for the Head of Marketing and the demand generation team.

          Campaign brief:
          {{input.campaignBrief}}

          Checked metrics (use these figures exactly; add none):
          {{step.metrics.output}}

          Write one page in Markdown:
          - "Headline": one sentence on results against the main target, with the number.
          - "What worked": up to three points, each backed by a metric from the table.
          - "What did not": up to three points, each backed by a metric, said plainly.
          - "Next flight": three recommendations, each naming the metric it should move and how we will know.
          - "What this data cannot tell us": attribution limits, small channels, missing data.
          No superlatives. Do not call a result a success if it missed its target.
        `,
        tips: 'Readouts lose credibility when every campaign "performed strongly". If the headline hides a missed target, regenerate with "lead with the main target, hit or missed". Recommendations without a metric are opinions: ask for the metric.',
      },
      {
        id: 'readout-document',
        kind: 'deliverable',
        title: 'Your campaign readout',
        instructions:
          'Here is the readout with the metric tables. Post it in the marketing leadership channel.',
        template: dedent`
          # Campaign readout: {{input.campaignName}}

          {{step.readout.output}}

          ---

          ## Metrics (checked against the platform export)

          {{step.metrics.output}}
        `,
      },
    ],
    rubric: [
      {
        id: 'numbers',
        criterion: 'Numbers are right',
        description: 'Totals, ratios and targets match the export and the approved brief exactly.',
      },
      {
        id: 'candour',
        criterion: 'Candid about results',
        description:
          'Missed targets are stated as missed, small channels are not over-read, and the attribution model is named.',
      },
      {
        id: 'evidence-led',
        criterion: 'Recommendations follow from evidence',
        description: 'Each recommendation cites the metric behind it and the metric it should move.',
      },
    ],
  },
};
