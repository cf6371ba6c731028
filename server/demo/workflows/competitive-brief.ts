import { dedent, type DemoWorkflow } from './demo-workflow';

export const competitiveBrief: DemoWorkflow = {
  authorEmail: 'gabriel.santos@northwind.example',
  definition: {
    title: 'Competitive analysis brief',
    summary:
      'Turn what you have actually read about one competitor (their pages, reviews, win/loss notes) into a two-page brief on where they win, where we win, how to position against them and what we still do not know, with every claim tied to a source.',
    skillArea: 'research',
    suitedFor: {
      departments: ['Marketing', 'Sales', 'Product'],
      jobTitles: [
        'Product Marketing Manager',
        'Senior Product Marketing Manager',
        'Product Marketing Lead',
        'Account Executive',
        'Senior Account Executive',
        'Product Manager',
      ],
    },
    manualMinutes: 180,
    inputs: [
      {
        name: 'competitor',
        label: 'Competitor and where we meet them',
        description:
          'The competitor and the deals where we meet them, e.g. "Contoso Analytics, in mid-market retail deals replacing spreadsheets".',
        maxChars: 500,
      },
      {
        name: 'sources',
        label: 'Source material',
        description:
          'Everything you have read, each piece headed with a label, where it came from and its date, e.g. "[S1] Contoso pricing page, copied 2 May 2025". Pricing pages, release notes, analyst notes, review sites, notes from lost deals. The AI does not browse: anything not pasted here does not exist for it.',
        maxChars: 80_000,
      },
      {
        name: 'ourPositioning',
        label: 'Our positioning and proof points',
        description:
          'Our current messaging, differentiators and the proof points sellers may use. Name customers only if they are approved for external use.',
        maxChars: 10_000,
      },
    ],
    steps: [
      {
        id: 'gather',
        kind: 'input',
        title: 'Gather your sources',
        instructions:
          'Paste the material you have, each piece labelled [S1], [S2]… with its origin and date, so that every claim in the brief can be traced back. Then add our current positioning.',
        inputNames: ['competitor', 'sources', 'ourPositioning'],
      },
      {
        id: 'claims',
        kind: 'generate',
        title: 'Extract claims with their sources',
        instructions:
          'The AI lists what the sources say about the competitor, each claim with its source label, before anything is written for sellers.',
        prompt: dedent`
          You are a product marketing analyst building a competitive evidence base. You only report what the sources say.

          Competitor and context:
          {{input.competitor}}

          Sources, each labelled [S#] with origin and date:
          {{input.sources}}

          Extract every factual claim about the competitor under these headings: capabilities, pricing and packaging, target segments, recent changes, strengths customers mention, weaknesses customers mention.
          For each claim:
          - cite the source label(s) in square brackets;
          - classify it as "competitor's own claim", "customer or analyst report", or "our inference" (an inference must name the claims it rests on);
          - mark it "possibly out of date" if its source is more than 12 months old.
          Then list contradictions between sources, and the headings the sources do not cover ("Not covered by the sources").
          Rules: no claim without a source label; nothing from your general knowledge about this company, its prices or its customers; quote prices with currency and date exactly as the source gives them.
        `,
        tips: 'The most common failure is the AI "knowing" things about a well-known competitor that are not in your sources, often from years ago. If you see a claim without a label, or one you do not recognise, regenerate with "only claims from the labelled sources". Thin sources give a thin brief: add a lost-deal note or two before you blame the prompt.',
      },
      {
        id: 'check-sources',
        kind: 'verify',
        title: 'Check every claim against its source',
        instructions:
          'Sellers will repeat this to customers, and customers forward things to competitors. Check the evidence before it becomes a talk track.',
        checklist: [
          'Every claim carries a source label that exists in what I pasted.',
          'I opened at least three cited sources and each claim says what its source says, no stronger.',
          "No feature, price or customer appears that I did not provide: nothing from the model's general knowledge.",
          'Sources older than 12 months are marked as possibly out of date.',
          'Competitor pricing is quoted with its date and currency, or marked as not covered.',
          'Inferences are labelled as ours and are not presented as facts.',
        ],
      },
      {
        id: 'brief',
        kind: 'generate',
        title: 'Write the brief and the talk track',
        instructions:
          'The checked claims become a brief for sellers and product managers, with objection handling grounded in our proof points.',
        prompt: dedent`
          You are a senior product marketing manager writing a competitive brief for account executives and product managers.

          Competitor and context:
          {{input.competitor}}

          Checked claims with source labels (use only these about the competitor, and keep the [S#] labels inline):
          {{step.claims.output}}

          Our positioning and approved proof points:
          {{input.ourPositioning}}

          Write at most two pages in Markdown:
          1. "Bottom line": one paragraph on when we win, when we lose, and the one thing a seller must remember.
          2. "Where they win": honest and specific; explain why buyers choose them.
          3. "Where we win": tied to our proof points.
          4. "Questions to ask": three to five discovery questions that surface the weaknesses in the claims, without naming the competitor negatively.
          5. "Objections and responses": three to five likely objections, each answered with one of our proof points.
          6. "What we don't know yet": the gaps and contradictions, and who could find out.
          Every statement about the competitor must be defensible if a customer forwarded the brief to them: no disparagement, no speculation presented as fact, no claim without a source label.
        `,
        tips: 'A brief that says we win everywhere is not believed by sellers. Keep "Where they win" honest. If an objection response makes a promise our positioning does not support, regenerate with "use only the proof points I gave".',
      },
      {
        id: 'brief-document',
        kind: 'deliverable',
        title: 'Your competitive brief',
        instructions:
          'Here is the brief with the evidence appendix. Share it in the sales enablement channel for review.',
        template: dedent`
          # Competitive brief: {{input.competitor}}

          {{step.brief.output}}

          ---

          ## Evidence appendix (claims checked against sources)

          {{step.claims.output}}

          Internal use only. Check sources marked "possibly out of date" before quoting them to a customer.
        `,
      },
    ],
    rubric: [
      {
        id: 'sourced',
        criterion: 'Every claim is sourced',
        description:
          'Each statement about the competitor carries a source label that exists and says what the brief says; inferences are labelled as inferences.',
      },
      {
        id: 'balanced',
        criterion: 'Balanced and defensible',
        description:
          'The brief says honestly where the competitor wins and would survive being forwarded to them: no disparagement, no speculation as fact.',
      },
      {
        id: 'usable',
        criterion: 'Usable in a sales call',
        description:
          'Questions and objection responses are specific, grounded in our proof points, and short enough to say aloud.',
      },
      {
        id: 'current',
        criterion: 'Current and honest about gaps',
        description:
          'Out-of-date sources and contradictions are flagged, and the gaps name who could close them.',
      },
    ],
  },
};
