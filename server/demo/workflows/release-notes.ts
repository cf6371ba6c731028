import { dedent, type DemoWorkflow } from './demo-workflow';

export const releaseNotes: DemoWorkflow = {
  authorEmail: 'gabriel.santos@northwind.example',
  definition: {
    title: 'Release notes for customers',
    summary:
      'Turn the ticket list for a release into customer-facing release notes: what changed, who benefits, what customers must do and what does not work yet, in plain language and without promising anything that has not shipped.',
    skillArea: 'writing',
    suitedFor: {
      departments: ['Marketing', 'Product', 'Support'],
      jobTitles: [
        'Product Marketing Manager',
        'Senior Product Marketing Manager',
        'Content Marketing Manager',
        'Product Manager',
        'Senior Product Manager',
        'Customer Support Team Lead',
      ],
    },
    manualMinutes: 90,
    inputs: [
      {
        name: 'release',
        label: 'Release, dates and readers',
        description:
          'e.g. "Northwind Orders 4.12, rolling out 14 to 18 April to all cloud customers; read mostly by customer admins".',
        maxChars: 500,
      },
      {
        name: 'tickets',
        label: 'Shipped tickets',
        description:
          'The ticket list for the release as exported from the tracker (key, title, description, labels). Only tickets merged into the release branch.',
        maxChars: 40_000,
      },
      {
        name: 'caveats',
        label: 'Known issues, flags and deprecations',
        description:
          'Known issues customers may hit (with workarounds), anything behind a feature flag or rolled out gradually, and deprecations with their dates. Leave empty if there are none.',
        maxChars: 8_000,
        required: false,
      },
    ],
    steps: [
      {
        id: 'changes',
        kind: 'input',
        title: 'Share what shipped',
        instructions:
          'Name the release and paste the ticket export. Release notes describe what shipped, so leave out anything still in review.',
        inputNames: ['release', 'tickets'],
      },
      {
        id: 'limits',
        kind: 'input',
        title: 'Add the caveats',
        instructions:
          'Customers trust release notes that admit limits. Paste known issues, feature flags and gradual rollouts, and deprecations.',
        inputNames: ['caveats'],
      },
      {
        id: 'draft',
        kind: 'generate',
        title: 'Draft the release notes',
        instructions:
          'The AI translates tickets into customer language and keeps a traceability list for your check.',
        prompt: dedent`
          You are a senior product marketing manager writing release notes for customers. Your readers are busy admins and end users who want to know what changed for them and whether they need to act.

          Release:
          {{input.release}}

          Shipped tickets (tracker export):
          {{input.tickets}}

          Known issues, feature flags and deprecations (may be empty):
          {{input.caveats}}

          Write the release notes in Markdown with these sections, leaving out any that would be empty:
          - "Action required": what an admin must do, by when, and what happens if they don't. Put this first.
          - "New", "Improved", "Fixed": one or two sentences each, benefit first ("You can now…"), no internal code names, ticket jargon or engineering terms.
          - "Rolling out gradually": features behind flags or staged rollouts, said plainly.
          - "Known issues": each with its workaround if one exists.
          - "Deprecations": with dates exactly as given.
          Rules:
          - Group related tickets into one customer-visible change; leave out purely internal tickets (refactoring, tests, build tooling).
          - Describe security fixes only as "Security improvements", with no detail that could help an attacker.
          - Never mention customer names, and never promise future features or dates.
          After the notes, add a section "Traceability (internal, remove before publishing)" listing each line of the notes with the ticket keys it comes from, and the tickets you left out with the reason.
        `,
        tips: 'Good release notes are about the customer, not the ticket: "You can now export…" beats "Added CSV export endpoint". If the draft describes something you cannot find in the traceability list, it did not ship: regenerate with "describe only the listed tickets". Keep the traceability section until your check is done.',
      },
      {
        id: 'check-draft',
        kind: 'verify',
        title: 'Check against what shipped',
        instructions:
          'Once published, release notes are a promise. Check each line against the traceability list.',
        checklist: [
          'Every line maps to a ticket in the export: nothing is described that did not ship.',
          'Features behind a flag or a gradual rollout say so.',
          'Security fixes are described without exploitable detail.',
          'No internal code names, customer names or ticket jargon are left in the customer-facing text.',
          'Action-required items say who must do what, and by when.',
          'Known issues are included, with workarounds where they exist.',
          'Version numbers, rollout dates and deprecation dates are exactly as given in my input.',
        ],
      },
      {
        id: 'release-notes-document',
        kind: 'deliverable',
        title: 'Your release notes',
        instructions:
          'Here are the release notes. Publish the customer section and keep the traceability list with the release ticket.',
        template: dedent`
          # What's new: {{input.release}}

          {{step.draft.output}}
        `,
      },
    ],
    rubric: [
      {
        id: 'accurate',
        criterion: 'Describes only what shipped',
        description:
          'Every line traces to a shipped ticket, flags and gradual rollouts are stated, and nothing future is promised.',
      },
      {
        id: 'customer-language',
        criterion: 'Written for customers',
        description:
          'Benefit first and plain language, with no code names, ticket jargon or internal detail.',
      },
      {
        id: 'action-clarity',
        criterion: 'Actions are unmistakable',
        description: 'Anything an admin must do is first, with who, what and by when.',
      },
      {
        id: 'candid-limits',
        criterion: 'Candid about limits',
        description: 'Known issues and deprecations are included with workarounds and dates, not buried.',
      },
    ],
  },
};
