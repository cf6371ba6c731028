import { dedent, type DemoWorkflow } from './demo-workflow';

export const supportEscalationSummary: DemoWorkflow = {
  authorEmail: 'nadia.haddad@northwind.example',
  definition: {
    title: 'Support escalation summary',
    summary:
      'Turn a long ticket thread into an escalation that Product and Engineering can act on without reading the thread (impact, timeline, reproduction steps, what has been tried, the decision needed) plus a holding reply to the customer.',
    skillArea: 'customer',
    suitedFor: {
      departments: ['Support', 'Product', 'Sales'],
      jobTitles: [
        'Customer Support Specialist',
        'Senior Customer Support Specialist',
        'Customer Support Team Lead',
        'Technical Support Engineer',
        'Technical Support Team Lead',
        'Product Manager',
      ],
    },
    manualMinutes: 75,
    inputs: [
      {
        name: 'thread',
        label: 'Ticket thread',
        description:
          'The whole ticket thread with internal notes, oldest first, with ticket ids and timestamps. Remove passwords, API keys and payment card data.',
        maxChars: 100_000,
      },
      {
        name: 'accountContext',
        label: 'Account context',
        description:
          'Customer segment and plan, number of affected users, renewal date if known, and the SLA that applies (e.g. "Enterprise plan, 4-hour response for S1").',
        maxChars: 3_000,
      },
      {
        name: 'ask',
        label: 'What you need',
        description:
          'What you need from Product or Engineering and by when, e.g. "confirm it is a bug and a workaround before their Friday payroll run". Write "not sure" if you want help framing it.',
        maxChars: 1_000,
      },
    ],
    steps: [
      {
        id: 'ticket',
        kind: 'input',
        title: 'Share the ticket',
        instructions:
          'Paste the whole thread, oldest message first, with internal notes. Strip secrets (passwords, API keys, card numbers) but keep ids, timestamps and error messages exactly as they are.',
        inputNames: ['thread', 'accountContext', 'ask'],
      },
      {
        id: 'summary',
        kind: 'generate',
        title: 'Summarise the escalation',
        instructions:
          'The AI condenses the thread into the escalation format Product and Engineering triage from.',
        prompt: dedent`
          You are a senior technical support engineer escalating a customer issue to Product and Engineering. They will decide from your summary alone, so it must be exact.

          Ticket thread (oldest first):
          {{input.thread}}

          Account context:
          {{input.accountContext}}

          What support needs:
          {{input.ask}}

          Severity definitions:
          - S1: production unusable for many users, no workaround.
          - S2: a major function impaired; the workaround is costly or manual.
          - S3: partial impact; a reasonable workaround exists.
          - S4: cosmetic issue or question.

          Write the escalation in Markdown:
          1. "Severity": S1 to S4 with a one-line justification from the definitions, based on impact, not on the customer's tone.
          2. "Impact": who is affected and how many (only as stated in the account context or thread), the business consequence, and SLA status.
          3. "Timeline": dated events, using only timestamps that appear in the thread.
          4. "Symptoms and reproduction": error messages copied exactly in code formatting; environment (version, browser, region) if stated, otherwise "unknown"; numbered steps to reproduce if the thread supports them.
          5. "Already tried": each attempt and its result.
          6. "Hypotheses": clearly labelled as unconfirmed.
          7. "Ask": the decision or action needed, from whom, and by when.
          8. "Customer communication": the last update sent to the customer and what they were promised.
          Never include passwords, keys or personal data, and never state a root cause the thread does not confirm.
        `,
        tips: 'Engineers triage on the exact error text and the reproduction steps; if either is paraphrased, regenerate with "copy error messages exactly". Severity follows impact, not how angry the customer is. If the thread does not say how many users are affected, leave it unknown and ask the customer rather than let the AI estimate.',
      },
      {
        id: 'check-summary',
        kind: 'verify',
        title: 'Check before you escalate',
        instructions:
          'A wrong severity or a paraphrased error costs Engineering hours. Check the summary against the thread.',
        checklist: [
          'Error messages are copied exactly from the thread, not paraphrased.',
          'Every timestamp in the timeline appears in the thread.',
          'The number of affected users and the SLA match the account context, not an estimate.',
          'Hypotheses are labelled as hypotheses, not stated as the cause.',
          "The severity follows the definitions, not the customer's tone.",
          'No password, key or personal data has been carried into the summary.',
          'Everything we promised the customer appears under customer communication.',
        ],
      },
      {
        id: 'customer-reply',
        kind: 'generate',
        title: 'Draft the holding reply to the customer',
        instructions: 'The AI drafts a short update to the customer that promises only what you control.',
        prompt: dedent`
          You are a senior customer support specialist writing a short update to the customer while their issue is escalated.

          Checked escalation summary:
          {{step.summary.output}}

          Write at most 150 words:
          - Acknowledge the specific impact in their terms.
          - Say what we are doing now, without internal names, ticket ids or speculation about the cause.
          - Give the workaround if one is confirmed in the summary.
          - Commit to the next update with the placeholder "[time of next update]"; never promise a fix or a fix date.
          Tone: calm, direct, human. No apologies beyond one sentence, and no blame on the customer or a colleague.
        `,
        tips: 'The most damaging mistake is an implied promise ("this will be fixed in the next release"). If you see one, regenerate with "no commitment except the next update time". Replace the placeholder with a time you can keep.',
      },
      {
        id: 'escalation-document',
        kind: 'deliverable',
        title: 'Your escalation',
        instructions:
          'Here is the escalation for Product and Engineering, with the customer reply below it. Post the escalation in the triage channel and send the reply from the ticket.',
        template: dedent`
          # Escalation summary

          {{step.summary.output}}

          ---

          ## Holding reply to the customer (send from the ticket)

          {{step.customer-reply.output}}
        `,
      },
    ],
    rubric: [
      {
        id: 'actionable',
        criterion: 'Engineering can act on it',
        description:
          'Exact error messages, environment and reproduction steps are there, so nobody has to read the thread.',
      },
      {
        id: 'accurate',
        criterion: 'Accurate to the thread',
        description:
          'Timeline, impact and attempts match the thread and account context; hypotheses are labelled.',
      },
      {
        id: 'severity',
        criterion: 'Severity is justified',
        description: 'The severity follows the definitions and the stated impact.',
      },
      {
        id: 'customer-communication',
        criterion: 'Customer reply keeps trust',
        description:
          'The reply acknowledges impact, commits only to the next update, and contains no speculation or blame.',
      },
    ],
  },
};
