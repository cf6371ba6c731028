import { dedent, type DemoWorkflow } from './demo-workflow';

export const varianceMemo: DemoWorkflow = {
  authorEmail: 'sofia.lindqvist@northwind.example',
  definition: {
    title: 'Monthly reconciliation variance memo',
    summary:
      'Turn a month-end balance sheet reconciliation into the variance memo the Financial Controller signs off: what moved, why, what is still unexplained, and which journals or follow-ups it needs.',
    skillArea: 'analysis',
    suitedFor: {
      departments: ['Finance'],
      jobTitles: [
        'Financial Analyst',
        'Senior Financial Analyst',
        'Senior Accountant',
        'Accounts Payable Specialist',
        'Accounts Receivable Specialist',
      ],
    },
    manualMinutes: 150,
    inputs: [
      {
        name: 'period',
        label: 'Period, account and threshold',
        description:
          'The month being closed and the account or account group, e.g. "March 2025, 2150 Accrued expenses". Add the materiality threshold if your controller uses one other than the greater of 5,000 or 10% of last month\'s balance.',
        maxChars: 400,
      },
      {
        name: 'reconciliation',
        label: 'Reconciliation export',
        description:
          'The reconciliation as CSV or a copied table: account, GL balance this month and last month, subledger or bank balance, and each reconciling item with its amount and date. Take out personal data such as employee bank details first.',
        maxChars: 60_000,
      },
      {
        name: 'knownDrivers',
        label: 'What you already know',
        description:
          'Known drivers this month: late invoices, reclasses, one-off payments, notes from the budget owner. Leave empty if there are none.',
        maxChars: 6_000,
        required: false,
      },
    ],
    steps: [
      {
        id: 'collect',
        kind: 'input',
        title: 'Share the reconciliation',
        instructions:
          "Paste this month's reconciliation for one account (or a few related accounts) straight from the close workbook, not a summary you retyped: the memo is only as good as the figures it reads. Then tell me the period and anything you already know about this month.",
        inputNames: ['period', 'reconciliation', 'knownDrivers'],
      },
      {
        id: 'variance-analysis',
        kind: 'generate',
        title: 'Calculate and explain the movements',
        instructions:
          'The AI recomputes every movement and the unreconciled remainder, flags what is material and proposes drivers only from what you gave it. Read it as a first pass by a junior colleague.',
        prompt: dedent`
          You are a senior financial analyst preparing month-end close documentation for a Financial Controller. You are exact with numbers and you never guess.

          Period, account and threshold:
          {{input.period}}

          Reconciliation (as exported from the close workbook):
          {{input.reconciliation}}

          What the analyst already knows about this month (may be empty):
          {{input.knownDrivers}}

          Do the following, using only the figures above:
          1. For every account line, compute the movement (this month minus last month) and the percentage change. Show the arithmetic for every line you flag.
          2. Compute GL balance minus subledger or bank balance, then subtract the listed reconciling items. State the unreconciled remainder. If it is not zero, say so in the first line of your answer.
          3. Flag every movement above the materiality threshold (the one in the period line; otherwise the greater of 5,000 or 10% of last month's balance).
          4. For each flagged movement, give the most likely driver using only the reconciling items and the analyst's notes. If they do not explain it, write "Unexplained: needs follow-up" and name the document that would explain it (invoice, contract, journal, payroll report). Never invent vendors, invoice numbers, journal numbers or dates.
          5. List reconciling items older than 60 days separately, with their dates: aged items become audit findings.

          Output, in Markdown:
          - A first line "Unreconciled remainder: <amount>".
          - A table: Account | Last month | This month | Movement | % | Material? | Driver.
          - "Aged reconciling items": a bullet list, or "None".
          - "Open questions": what you could not explain and which role to ask (AP, payroll, budget owner).
          Keep the currency and sign convention of the input. Do not round below whole units.
        `,
        tips: 'If the table looks wrong, check the paste first: merged header rows and thousands separators such as "1.234,56" are the usual cause, so paste the CSV rather than a retyped table. If the AI explains a movement with a driver you never gave it, regenerate with the feedback "use only the reconciling items and my notes": a plausible driver that is not evidenced is worse than "unexplained".',
      },
      {
        id: 'check-figures',
        kind: 'verify',
        title: 'Check the figures against the ledger',
        instructions:
          "Put the reconciliation next to the AI's table. You sign this memo, so tick an item only when you have checked it yourself.",
        checklist: [
          'I recomputed at least three movements by hand or in Excel and they match the table to the unit.',
          'The unreconciled remainder equals GL balance minus subledger or bank balance minus reconciling items.',
          'Every driver traces to a reconciling item or to my own notes: no invented invoices, vendors or journal numbers.',
          'Every movement above the threshold is flagged, and nothing below it is presented as material.',
          'Signs are right: a growing credit balance is not described as a decrease.',
          'Items older than 60 days are listed as aged, with their dates.',
        ],
      },
      {
        id: 'memo',
        kind: 'generate',
        title: 'Draft the memo for sign-off',
        instructions:
          'Now the checked analysis becomes a one-page memo. Edit anything the controller would question before you accept it.',
        prompt: dedent`
          You are a senior financial analyst writing a month-end variance memo for the Financial Controller, who will read it in two minutes and then sign off or push back.

          Period and account:
          {{input.period}}

          Variance analysis, checked line by line by the analyst. Use these figures exactly; do not recalculate, round or add any figure:
          {{step.variance-analysis.output}}

          Write the memo with these sections:
          - "Summary": at most three sentences. Is the account reconciled? What was the largest movement and why? What needs action?
          - "Material movements": one short paragraph per flagged movement with the amount, the driver, and whether it will recur next month.
          - "Unexplained items and actions": each with an owner role and a target date relative to close (e.g. "by working day 3").
          - "Proposed adjustments": only journals the analysis supports, with the debit and credit accounts; otherwise "None proposed".
          Tone: factual and short. No hedging adjectives. Use no figure that does not appear in the analysis above.
        `,
        tips: 'A good memo leads with the answer (reconciled or not) and keeps every figure identical to the checked analysis. If the draft rounds or recomputes anything, regenerate with "use the figures exactly as given". Controllers send back memos that describe the process instead of the result: ask for a shorter version if it runs past one page.',
      },
      {
        id: 'memo-document',
        kind: 'deliverable',
        title: 'Your variance memo',
        instructions:
          'Here is the memo, with the checked analysis as an appendix. Attach it to the close checklist for review.',
        template: dedent`
          # Variance memo: {{input.period}}

          {{step.memo.output}}

          ---

          ## Appendix: variance analysis (checked by the preparer against the ledger)

          {{step.variance-analysis.output}}

          Prepared by: ____________________  Reviewed by (Financial Controller): ____________________  Date: __________
        `,
      },
    ],
    rubric: [
      {
        id: 'accuracy',
        criterion: 'Figures are right',
        description:
          'Every amount, movement and the unreconciled remainder matches the ledger and the reconciliation export; nothing is rounded or recomputed inconsistently between memo and appendix.',
      },
      {
        id: 'evidenced-drivers',
        criterion: 'Drivers are evidenced',
        description:
          'Each material movement is explained by a reconciling item or a known event; anything unexplained is called unexplained, with the document that would resolve it.',
      },
      {
        id: 'actions',
        criterion: 'Actions are clear',
        description:
          'Open items have an owner and a date relative to close; proposed journals name both accounts.',
      },
      {
        id: 'controller-ready',
        criterion: 'Ready to sign off',
        description:
          'The controller can decide from the summary alone, and the memo fits on one page plus the appendix.',
      },
    ],
  },
};
