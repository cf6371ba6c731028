import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { docxWith } from '../files/sample-files';
import { startChat, type Chat } from '../support/chat';
import { cardOf, cardText, type TeamsUser } from '../support/teams-user';

const AUTHOR_EMAIL = 'gabriel.santos@northwind.example';

describe('files as answers in a capture interview', () => {
  let chat: Chat;
  let files: http.Server;
  let filesUrl = '';
  let author: TeamsUser;

  beforeAll(async () => {
    const served = new Map<string, Uint8Array>([
      [
        '/prompts.docx',
        await docxWith(['Summarise the competitor launch in five bullet points.'], 'My prompts'),
      ],
    ]);
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
    author = chat.userFor(AUTHOR_EMAIL);
  });
  afterAll(async () => {
    await chat?.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  const attach = (name: string, path: string) =>
    author.say('', {
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name,
          content: { downloadUrl: `${filesUrl}${path}`, uniqueId: path, fileType: name.split('.').pop() },
        },
      ],
    });

  const questionOf = (replies: Awaited<ReturnType<typeof attach>>) =>
    cardText(replies.map(cardOf).filter(Boolean).at(-1)!);

  it('takes the text of an attached file as the answer where long text is asked for, and refuses it elsewhere', async () => {
    await author.say('capture my workflow');
    await author.say('Write the competitor launch brief');
    await author.say('Product marketing; sales reads it');
    await author.say('The competitor press release');
    await author.say('Read the release\nWrite the brief');

    const read = await attach('prompts.docx', '/prompts.docx');
    expect(read.map((reply) => reply.activity.text ?? '').join('\n')).toContain('Read **prompts.docx**');
    expect(questionOf(read)).toContain('question 6 of 8');
    const person = await chat.server.store.people.findByAadObjectId(
      DEMO_TENANT.id,
      requireDemoPerson(AUTHOR_EMAIL).aadObjectId,
    );
    const interview = await chat.server.store.captureInterviews.findOpenForAuthor(DEMO_TENANT.id, person!.id);
    expect(interview?.answers.prompts).toContain('Summarise the competitor launch in five bullet points.');

    await author.say('Names the launch date\nCompares pricing\nSays what sales should do');
    const refused = await attach('prompts.docx', '/prompts.docx');
    expect(refused.map((reply) => reply.activity.text ?? '').join('\n')).toContain('wants a typed answer');
    expect(questionOf(refused)).toContain('question 7 of 8');

    await author.say('90');
    // A file Teams will not hand over: said so, and the question stays.
    const missing = await attach('gone.docx', '/gone.docx');
    expect(missing[0]?.activity.text).toContain('Teams would not give me gone.docx (HTTP 404)');
    expect(questionOf(missing)).toContain('question 8 of 8');
    const unchanged = await chat.server.store.captureInterviews.get(DEMO_TENANT.id, interview!.id);
    expect(unchanged?.answers.example).toBeUndefined();
    expect(unchanged?.status).toBe('interviewing');
  });
});
