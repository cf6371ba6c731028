import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT } from '../../server/demo';
import { docxWith, pdfWithPages } from '../files/sample-files';
import { startChat, type Chat } from '../support/chat';
import { actionData, cardOf, cardText, type TeamsUser } from '../support/teams-user';

const RECONCILIATION = 'Account 2150 accrued expenses: GL balance 182,400 against subledger 180,100.';

describe('material attached as a file', () => {
  let chat: Chat;
  let files: http.Server;
  let filesUrl = '';
  let user: TeamsUser;
  const served = new Map<string, Uint8Array>();

  beforeAll(async () => {
    served.set(
      '/recon.docx',
      await docxWith(
        [RECONCILIATION, 'Reconciling item: late invoice from Acme, 2,300.'],
        'March reconciliation',
      ),
    );
    served.set('/locked.pdf', await pdfWithPages(['Confidential figures'], { userPassword: 'secret' }));
    // Stands in for the SharePoint download URL Teams puts on a file attachment.
    files = http.createServer((request, response) => {
      const body = served.get(request.url ?? '');
      if (!body) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-length': body.byteLength });
      response.end(Buffer.from(body));
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    chat = await startChat();
    user = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
  });
  afterAll(async () => {
    await chat?.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  const attach = (name: string, path: string) =>
    user.say('', {
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name,
          content: { downloadUrl: `${filesUrl}${path}`, uniqueId: path, fileType: name.split('.').pop() },
        },
      ],
    });

  it('fills the step with the text of a Word file, shows a preview to confirm, and goes on with it', async () => {
    const memo = (await chat.server.store.workflows.listPublished(DEMO_TENANT.id)).find(
      (workflow) => workflow.title === 'Monthly reconciliation variance memo',
    )!;
    const first = await user.click({ op: 'start', workflowId: memo.id });
    await user
      .click(actionData(first, 'submit_inputs')!, { 'input.period': 'March 2026, account 2150' })
      .catch(() => null);

    const replies = await attach('march-recon.docx', '/recon.docx');
    const confirmation = replies.map((reply) => reply.activity.text ?? '').join('\n');
    expect(confirmation).toContain('Read **march-recon.docx** into');
    expect(confirmation).toContain('Account 2150 accrued expenses');
    const card = replies.map(cardOf).find(Boolean)!;
    const next = await user.click(actionData(card, 'submit_inputs')!, {
      'input.period': 'March 2026, account 2150',
    });
    expect(actionData(next, 'provide_output')).not.toBeNull();
    expect(cardText(next)).toContain('GL balance 182,400 against subledger 180,100');
  });

  it('says a password-protected PDF cannot be read and stores nothing from it', async () => {
    const memo = (await chat.server.store.workflows.listPublished(DEMO_TENANT.id)).find(
      (workflow) => workflow.title === 'Competitive analysis brief',
    )!;
    await user.click({ op: 'start', workflowId: memo.id });
    const replies = await attach('board.pdf', '/locked.pdf');
    expect(replies.map((reply) => reply.activity.text ?? '').join('\n')).toContain(
      'board.pdf is protected by a password',
    );
    const person = await chat.server.store.people.findByAadObjectId(DEMO_TENANT.id, user.person.aadObjectId);
    const current = await chat.server.store.sessions.findCurrentForPerson(DEMO_TENANT.id, person!.id);
    expect(JSON.stringify(current?.steps[0]?.inputs ?? {})).not.toContain('Confidential');
  });

  it('says so when Teams will not hand over the file', async () => {
    const replies = await attach('gone.docx', '/missing.docx');
    expect(replies.map((reply) => reply.activity.text ?? '').join('\n')).toContain(
      'Teams would not give me gone.docx (HTTP 404)',
    );
  });
});
