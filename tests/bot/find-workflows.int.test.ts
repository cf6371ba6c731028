import { DEMO_DEFAULT_USER_EMAIL } from '../../server/demo';
import { startChat, type Chat } from '../support/chat';
import { actionData, cardOf, cardText, type TeamsUser } from '../support/teams-user';

describe('finding a workflow in chat', () => {
  let chat: Chat;
  let user: TeamsUser;

  beforeAll(async () => {
    chat = await startChat();
    user = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
  });
  afterAll(() => chat?.close());

  it('searches by words, with social proof, and starts the workflow found', async () => {
    const [reply] = await user.say('find competitor');
    const card = cardOf(reply!)!;
    expect(cardText(card)).toContain('Workflows for "competitor"');
    const text = cardText(card);
    expect(text.indexOf('Competitive analysis brief')).toBeGreaterThan(-1);
    expect(text).toMatch(/by Gabriel Santos · \d+ colleagues? completed it/);
    const started = await user.click(actionData(card, 'start')!);
    expect(cardText(started)).toContain('Competitive analysis brief');
    expect(cardText(started)).toContain('Step 1 of');
  });

  it('says so when nothing matches', async () => {
    const [reply] = await user.say('search zebra crossings');
    expect(cardText(cardOf(reply!)!)).toContain('No workflow matches "zebra crossings"');
  });

  it("browses by skill area from a card of the tenant's areas", async () => {
    const [reply] = await user.say('browse');
    const areas = cardOf(reply!)!;
    expect(cardText(areas)).toContain('Browse workflows by skill area');
    const analysis = await user.click(actionData(areas, 'browse')!);
    expect(cardText(analysis)).toContain('Analysis & reporting');
    expect(cardText(analysis)).toContain('Monthly reconciliation variance memo');
    const [byName] = await user.say('browse writing');
    expect(cardText(cardOf(byName!)!)).toContain('Writing & communication');
  });
});
