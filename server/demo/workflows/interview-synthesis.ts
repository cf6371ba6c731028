import { dedent, type DemoWorkflow } from './demo-workflow';

export const interviewSynthesis: DemoWorkflow = {
  authorEmail: 'nadia.haddad@northwind.example',
  definition: {
    title: 'Customer interview synthesis',
    summary:
      'Synthesise a round of customer interviews into themes with evidence: what customers are trying to do, where they struggle, how many of them said so, and the verbatim quotes that prove it, ending in insights that answer your research question.',
    skillArea: 'research',
    suitedFor: {
      departments: ['Product', 'Marketing'],
      jobTitles: [
        'Product Manager',
        'Senior Product Manager',
        'UX Researcher',
        'Senior Product Designer',
        'Product Marketing Manager',
      ],
    },
    manualMinutes: 210,
    inputs: [
      {
        name: 'researchQuestion',
        label: 'Research question',
        description:
          'What you set out to learn and the decision it informs, e.g. "Why do mid-market customers stop using scheduled reports after onboarding? Informs the Q3 roadmap bet."',
        maxChars: 1_000,
      },
      {
        name: 'transcripts',
        label: 'Interview notes or transcripts',
        description:
          'One interview after another, each starting with a header such as "Interview 3: operations manager, retail, 120 seats, 12 May". Remove participants\' names and contact details first.',
        maxChars: 150_000,
      },
    ],
    steps: [
      {
        id: 'notes',
        kind: 'input',
        title: 'Share the research question and the interviews',
        instructions:
          'State the question the interviews were meant to answer, then paste the notes or transcripts with a numbered header for each interview. Take out names and contact details before you paste.',
        inputNames: ['researchQuestion', 'transcripts'],
      },
      {
        id: 'themes',
        kind: 'generate',
        title: 'Find themes with evidence',
        instructions:
          'The AI codes each interview and groups what it finds into themes, with counts and verbatim quotes.',
        prompt: dedent`
          You are an experienced UX researcher synthesising customer interviews. You are rigorous about evidence and you never overstate what a small sample shows.

          Research question:
          {{input.researchQuestion}}

          Interviews (each starts with a numbered header):
          {{input.transcripts}}

          Do the following:
          1. Count the interviews (N) and list their headers.
          2. Code each interview for goals (what they are trying to get done), pains, workarounds and desired outcomes.
          3. Group the codes into themes. For each theme give: a short name; a one-sentence description; the interviews that support it by number, with the count as "n of N"; one to three quotes copied word for word from the notes, each with its interview number; and any interview that contradicts the theme.
          4. Mark whether each theme rests on what people said or on behaviour they described doing.
          5. Note differences between segments (role, company size, industry) only where at least two interviews on each side support them.
          Rules: never paraphrase inside quotation marks; never give percentages of "customers", only "n of N participants"; include no names, employers or other identifying details in quotes.
          Output in Markdown, themes ordered by n, largest first.
        `,
        tips: 'Check the quotes first: models smooth quotes into what people "meant", and a smoothed quote is a made-up quote. If you find one, regenerate with "quotes must be verbatim; copy them exactly". If one vivid interview dominates the themes, ask for the count on each theme and look again.',
      },
      {
        id: 'check-evidence',
        kind: 'verify',
        title: 'Check the evidence',
        instructions:
          'Themes get quoted in roadmap reviews long after the interviews. Check the evidence now, while you still have the notes open.',
        checklist: [
          'I searched the notes for three quotes and each appears word for word in the interview it is attributed to.',
          'The counts ("n of N") for the two largest themes match the notes.',
          'No theme that rests on a single interview is presented as common.',
          'Contradicting interviews are shown, not dropped.',
          'No participant can be identified from a quote or a segment description.',
          'Findings are stated as what these participants said, not as facts about all customers.',
        ],
      },
      {
        id: 'insights',
        kind: 'generate',
        title: 'Turn themes into insights',
        instructions:
          'The checked themes become insights that answer your research question, each with a confidence level.',
        prompt: dedent`
          You are a senior product manager turning research into decisions.

          Research question:
          {{input.researchQuestion}}

          Checked themes with counts and verbatim quotes (use only this evidence):
          {{step.themes.output}}

          Write in Markdown:
          - "Answer in brief": three sentences answering the research question as far as the evidence allows.
          - "Insights": three to five, ranked by strength of evidence. For each: the insight as a sentence, the themes and counts behind it, its implication for the decision, and a confidence level (high, medium or low) with the reason.
          - "What we still don't know": open questions and the research that would answer each (more interviews, usage data, a survey, a prototype test).
          Do not recommend a solution the evidence does not point to. Say "the evidence does not answer this" where it does not.
        `,
        tips: 'An insight is not a theme restated: it says why the theme matters for the decision. If the confidence levels are all "high" from six interviews, regenerate with "justify each confidence level from the counts".',
      },
      {
        id: 'synthesis-document',
        kind: 'deliverable',
        title: 'Your interview synthesis',
        instructions:
          'Here is the synthesis. Share it with your design and engineering leads before the roadmap review.',
        template: dedent`
          # Interview synthesis

          **Research question:** {{input.researchQuestion}}

          {{step.insights.output}}

          ---

          ## Themes and evidence

          {{step.themes.output}}

          Method: semi-structured customer interviews, coded and grouped with AI assistance; quotes and counts checked against the notes by the researcher.
        `,
      },
    ],
    rubric: [
      {
        id: 'evidence',
        criterion: 'Claims rest on evidence',
        description:
          'Every theme has correct counts and verbatim quotes from the interviews it cites; contradicting interviews are shown.',
      },
      {
        id: 'answers-question',
        criterion: 'Answers the research question',
        description:
          'The insights address the question and the decision it informs, not everything that came up.',
      },
      {
        id: 'confidence',
        criterion: 'Honest about confidence',
        description:
          'Confidence levels follow from sample size and consistency; nothing is generalised beyond the participants.',
      },
      {
        id: 'privacy',
        criterion: 'Protects participants',
        description: 'No participant can be identified from quotes, headers or segment descriptions.',
      },
    ],
  },
};
