import { dedent, type DemoWorkflow } from './demo-workflow';

export const requirementsOnePager: DemoWorkflow = {
  authorEmail: 'nadia.haddad@northwind.example',
  definition: {
    title: 'Product requirements one-pager from customer feedback',
    summary:
      'Turn a pile of customer feedback (tickets, sales call notes, survey verbatims) into a problem-first one-pager that design and engineering can estimate: the problem and its evidence, who has it, goals and non-goals, prioritised requirements, success metrics and open questions.',
    skillArea: 'planning',
    suitedFor: {
      departments: ['Product'],
      jobTitles: [
        'Product Manager',
        'Senior Product Manager',
        'Group Product Manager',
        'Senior Product Designer',
      ],
    },
    manualMinutes: 180,
    inputs: [
      {
        name: 'problemArea',
        label: 'Problem area and decision',
        description:
          'The part of the product and the decision this one-pager informs, e.g. "Bulk editing of purchase orders: decide whether it goes into the Q3 plan".',
        maxChars: 1_000,
      },
      {
        name: 'feedback',
        label: 'Customer feedback',
        description:
          'Tickets, call notes and survey verbatims about this area. Keep a source and a segment on each item, e.g. "[Ticket 48213, mid-market, 3 Apr]". Remove personal contact details.',
        maxChars: 100_000,
      },
      {
        name: 'constraints',
        label: 'Constraints and context',
        description:
          'What you know that customers do not: technical constraints, related roadmap items, commitments already made, deadlines, and what is explicitly out of scope.',
        maxChars: 8_000,
      },
    ],
    steps: [
      {
        id: 'feedback-input',
        kind: 'input',
        title: 'Share the feedback',
        instructions:
          'Name the problem area and the decision, then paste the raw feedback with a source and segment on each item. Raw is better than summarised: the one-pager will cite it.',
        inputNames: ['problemArea', 'feedback'],
      },
      {
        id: 'constraints-input',
        kind: 'input',
        title: 'Add the constraints',
        instructions:
          'Tell me what shapes the solution but is not in the feedback: technical limits, related roadmap items, promises made to customers, and what is out of scope.',
        inputNames: ['constraints'],
      },
      {
        id: 'problems',
        kind: 'generate',
        title: 'Frame the problems from the evidence',
        instructions:
          'The AI turns feature requests into the user problems behind them, with counts and sources.',
        prompt: dedent`
          You are a senior product manager. You frame problems before solutions, and every statement you make is traceable to feedback.

          Problem area and decision:
          {{input.problemArea}}

          Customer feedback (each item has a source and a segment):
          {{input.feedback}}

          Do the following:
          1. Group the feedback into distinct user problems. A requested feature ("add a bulk edit button") is not a problem; state the problem behind it ("editing 200 order lines one by one takes an afternoon at month end").
          2. For each problem: who has it (segments and roles, as given); how many items mention it, by source type; the job the user is trying to get done; the workaround they use today if mentioned; and one or two representative quotes, verbatim, with their source reference.
          3. List the specific solutions customers asked for separately, each linked to its problem.
          4. List feedback that is out of scope for this area, or that contradicts other feedback, with its source references.
          Rules: use only the feedback given; no revenue, customer counts or segments that are not in it; quotes copied exactly.
          Output in Markdown, problems ordered by number of items.
        `,
        tips: 'If the output reads like a feature list, regenerate with "state the user problem behind each request". Counts matter in the roadmap discussion, so spot-check the biggest one. Feedback from one large customer repeated across ten tickets is one voice, not ten: say so in your edit.',
      },
      {
        id: 'check-problems',
        kind: 'verify',
        title: 'Check the problem framing',
        instructions: 'Engineering will size whatever this says. Check it against the feedback first.',
        checklist: [
          'Each problem is supported by the items it cites, and the counts match what I pasted.',
          'Feature requests are translated into problems, not copied as requirements.',
          'No segment, customer, revenue or usage figure appears that is not in my feedback.',
          'Out-of-scope and contradicting feedback is listed, not silently dropped.',
          'Quotes are verbatim and carry their source reference.',
        ],
      },
      {
        id: 'one-pager',
        kind: 'generate',
        title: 'Draft the one-pager',
        instructions: 'The checked problems and your constraints become a one-page requirements document.',
        prompt: dedent`
          You are a senior product manager writing a one-page requirements document that design and engineering will estimate from.

          Problem area and decision:
          {{input.problemArea}}

          Checked problems with evidence (the only evidence you may use):
          {{step.problems.output}}

          Constraints, commitments and scope:
          {{input.constraints}}

          Write about 500 words in Markdown:
          1. "Problem": two or three sentences, with the evidence counts.
          2. "Who it is for": the primary users and segments.
          3. "Goals" and "Non-goals": non-goals must include everything the constraints put out of scope.
          4. "Requirements": user-facing statements ("A buyer can…"), each with a MoSCoW priority and the problem it solves. No implementation detail.
          5. "Success metrics": one leading and one lagging metric with a target. Where the baseline is not known, write "baseline to be measured" rather than inventing one.
          6. "Risks and open questions": including anything the constraints make uncertain.
          Every requirement must trace to a problem; leave out requirements that do not.
        `,
        tips: 'A good one-pager has more non-goals than you expect. If every requirement is a "Must", regenerate with "at most three Musts; justify each from the evidence counts". Invented baselines ("reduce time from 45 to 10 minutes") are the mistake reviewers spot first.',
      },
      {
        id: 'one-pager-document',
        kind: 'deliverable',
        title: 'Your requirements one-pager',
        instructions:
          'Here is the one-pager with the evidence behind it. Share it before the estimation session.',
        template: dedent`
          # Requirements: {{input.problemArea}}

          {{step.one-pager.output}}

          ---

          ## Evidence: customer problems behind these requirements

          {{step.problems.output}}
        `,
      },
    ],
    rubric: [
      {
        id: 'problem-first',
        criterion: 'Problem first',
        description:
          'The document states user problems with evidence before any solution, and requirements describe outcomes, not implementation.',
      },
      {
        id: 'traceable',
        criterion: 'Traceable to feedback',
        description: 'Every requirement links to a problem, and every problem to counted, quoted feedback.',
      },
      {
        id: 'scoped',
        criterion: 'Scoped honestly',
        description:
          'Non-goals reflect the constraints, priorities are selective, and risks and open questions are named.',
      },
      {
        id: 'measurable',
        criterion: 'Measurable',
        description:
          'Success metrics have targets, and unknown baselines are marked as to be measured rather than invented.',
      },
    ],
  },
};
