/**
 * The canned material the demo history pastes into sessions: short, plausible and generic, by input name and
 * generate-step id of the demo workflows. Anything not listed falls back to a sentence built from its label.
 */
const INPUTS: Readonly<Record<string, readonly string[]>> = {
  // Monthly reconciliation variance memo
  period: [
    '2150 Accrued expenses, threshold 5,000',
    '1200 Trade receivables',
    '2100 Trade payables, threshold 10,000',
  ],
  reconciliation: [
    'account,gl_this,gl_last,subledger\n2150,182400,164900,180100\nitem,accrual true-up,2300,day 28',
    'account,gl_this,gl_last,subledger\n1200,905300,871000,901800\nitem,unapplied cash,3500,day 12',
    'account,gl_this,gl_last,bank\n2100,412750,398200,409950\nitem,payment run in transit,2800,day 30',
  ],
  knownDrivers: ['Late utilities invoice; Q-end bonus accrual.', 'One-off legal fees.', ''],
  // Quarterly budget reforecast commentary
  scope: ['Marketing, Q3 reforecast', 'Operations, Q4 reforecast', 'Product & Engineering, Q3 reforecast'],
  forecastTable: [
    'line,budget,reforecast\nPeople,1240000,1198000\nSoftware,310000,356000\nTravel,85000,61000',
    'line,budget,reforecast\nContractors,420000,485000\nHosting,260000,251000\nEvents,140000,95000',
  ],
  ownerNotes: [
    'Two hires slipped to next quarter; software renewal moved forward.',
    'Contractors cover the platform migration; the spring event was cancelled.',
  ],
  audience: [
    'Finance Director: approve the revised envelope.',
    'Leadership team: decide on the hiring freeze.',
  ],
  // Campaign performance readout
  campaignName: [
    'Spring webinar series, 6 weeks',
    'Partner launch email nurture, 4 weeks',
    'Retargeting pilot',
  ],
  campaignBrief: [
    'Goal: 400 registrations, 120 MQLs, cost per MQL under 90.',
    'Goal: 8% click-through, 60 demo requests.',
  ],
  results: [
    'channel,spend,registrations,mqls\nLinkedIn,14200,236,61\nEmail,1800,198,44\nPaid search,6900,74,19',
    'week,sent,opens,clicks,demos\n1,12000,3900,610,9\n2,11800,3650,540,14\n3,11900,3480,505,12',
  ],
  // Competitive analysis brief
  competitor: [
    'Contoso Analytics, mid-market deals',
    'Fabrikam Cloud, renewals in retail',
    'Litware, new logos',
  ],
  sources: [
    'Pricing page (captured this week); two win/loss notes; analyst summary.',
    'Release blog, G2 review excerpts, notes from three lost deals.',
  ],
  ourPositioning: [
    'Faster onboarding, native Teams integration, proven in regulated industries.',
    'Lower total cost over three years; stronger admin controls.',
  ],
  // Release notes for customers
  release: ['Release 24.6, out next Tuesday, for admins', 'Release 24.7, for all customers', 'Hotfix 24.6.2'],
  tickets: [
    'PRJ-1412 bulk export to CSV\nPRJ-1430 faster search\nPRJ-1447 SSO fix for Safari',
    'PRJ-1502 new approval step\nPRJ-1511 audit log filters\nPRJ-1519 mobile layout fixes',
  ],
  caveats: ['Bulk export behind a flag for EU tenants.', 'Legacy API v1 deprecated at year end.', ''],
  // Customer interview synthesis
  researchQuestion: [
    'Why do admins stop using scheduled reports after the first month?',
    'What makes onboarding stall for small teams?',
  ],
  transcripts: [
    'P1 (admin, 40 seats): "I set it up, then nobody opened them."\nP2: "Too many columns by default."',
    'P1: "We needed a week to find the settings."\nP2: "The checklist helped, the emails did not."',
  ],
  // Product requirements one-pager from customer feedback
  problemArea: ['Approval flows, decide whether to build multi-step approvals', 'Search, scope next quarter'],
  feedback: [
    '14 tickets on approvals stuck with one approver; 3 churn notes mention it.',
    'Survey: 38% cannot find older items; 9 support tickets on search filters.',
  ],
  constraints: ['Two engineers for one quarter; no schema change in billing.', 'Must work on mobile.'],
  // Support escalation summary
  thread: [
    'Customer reports exports failing since Monday; 3 replies, logs attached, workaround not working.',
    'Login loop for SSO users after the update; 11 users affected; ticket reopened twice.',
  ],
  accountContext: [
    'Enterprise plan, renewal in 6 weeks.',
    'Mid-market, 120 seats, first escalation this year.',
  ],
  ask: ['Engineering triage today.', 'Product decision on the workaround.'],
};

const OUTPUTS: Readonly<Record<string, string>> = {
  'variance-analysis':
    'Unreconciled remainder: 0\n\n| Account | Movement | % | Material? | Driver |\n|---|---|---|---|---|\n| Main line | +17,500 | 10.6% | Yes | Accrual true-up and late invoice |\n\nAged reconciling items: None\n\nOpen questions: confirm the invoice date with AP.',
  memo: 'Summary: the account is reconciled. The largest movement is the accrual true-up, which will not recur.\n\nUnexplained items and actions: none.\n\nProposed adjustments: none proposed.',
  bridge:
    'Budget to reforecast bridge: timing differences net to -42,000; permanent savings 24,000; new spend 46,000. Each line ties to the owner notes.',
  commentary:
    'The reforecast is within envelope. Savings come from delayed hires (timing); the software renewal is a permanent increase. Risk: contractor spend if the migration slips.',
  metrics:
    'Against target: registrations 508 vs 400 (+27%); MQLs 124 vs 120 (+3%); cost per MQL 92 vs 90 (slightly over). Paid search underperformed.',
  readout:
    'The campaign beat its registration goal and met the MQL goal at a cost per MQL just above target. Recommendation: keep LinkedIn and email, pause paid search.',
  claims:
    '1. Claims faster setup (source: pricing page). 2. Lost two deals on price (source: win/loss notes). 3. No native Teams app (source: analyst summary).',
  brief:
    'Where we win: onboarding speed and Teams integration. Where we lose: entry price. Talk track: lead with time to value, then total cost over three years.',
  draft:
    "What's new: bulk export, faster search and an SSO fix for Safari. Admins: bulk export is behind a flag for EU tenants. Nothing to do for other users.",
  themes:
    'Theme 1: reports are set up once and not revisited (P1, P3). Theme 2: default layouts are too dense (P2, P4). Evidence quoted for each.',
  insights:
    'Insight: admins need a reason to return, not more options. Confidence: medium (4 of 6 interviews). Next: test a monthly digest.',
  problems:
    'Problem 1: approvals stall when one approver is away (14 tickets). Problem 2: no visibility of where a request is (5 tickets).',
  'one-pager':
    'Problem: approvals stall. Goal: median approval time under 2 days. Scope: delegate approver and reminders; out of scope: multi-step chains.',
  summary:
    'Severity: high. Impact: exports failing for all users since Monday. Tried: cache clear, re-auth. Ask: engineering triage today. Owner: tier 2.',
  'customer-reply':
    'Thank you for the detail. We have escalated this to engineering as high priority and will update you by 3 pm tomorrow.',
};

export const REGENERATION_NOTES = [
  'Use only the figures I gave you.',
  'Shorter, please: one page at most.',
  'Keep my headings and do not add new sections.',
  'Mark anything unexplained instead of guessing.',
] as const;

export const CORRECTIONS = [
  'One movement had the sign reversed; fixed it.',
  'Removed a driver that was not in my notes.',
  'A figure was rounded; replaced it with the exact one.',
  'Added the missing source for one claim.',
  'Two items were merged; split them again.',
] as const;

export const WHAT_BROKE = [
  'The first answer invented a detail I had not given it; regenerating with a stricter note fixed it.',
  'The pasted table lost its header row, so the first result was off.',
  'It ran long; I had to cut it down by hand.',
  'The output mixed up two of the items; caught it at the check.',
] as const;

export const EDIT_NOTE = 'Corrected by hand after the check.';

/** A plausible answer for an input, picked from the canned ones by `choice`. */
export function cannedInput(name: string, label: string, choice: number): string {
  const options = INPUTS[name];
  if (!options || options.length === 0) return `${label}: copied from the team's working file.`;
  return options[choice % options.length] ?? '';
}

/** The pasted answer for a generate step in bring-your-own-AI mode. */
export function cannedOutput(stepId: string, title: string): string {
  return (
    OUTPUTS[stepId] ??
    `${title}: draft prepared from the material provided. Figures are taken as given; anything unclear is listed as an open question.`
  );
}
