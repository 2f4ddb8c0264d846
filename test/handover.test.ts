import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandOverPostDocument, PostHistoryDocument, PostsDocument } from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const GOV_ADMIN = 'babak.sanjabi@gov.kermanshah.example';
// Emails are for partner users; the history itself is public (checked below).
const history = async (code: string) => (await hub.gql(PostHistoryDocument, { code }, { as: 'analyst@sca.kermanshah.example' })).data!.post!;
const appointmentRows = async () => (await hub.sql<{ n: string }>('select count(*) as n from appointment'))[0].n;

describe('posts and the leadership handover', () => {
  it('the director-general post shows its history publicly, newest first, with Jalali dates', async () => {
    const post = await history('POST-SCA-DG');
    expect(post.titleEn).toMatch(/Director General/);
    expect(post.current!.person.email).toBe('dg@sca.kermanshah.example');
    const [now, before] = post.appointments;
    expect(now.endedOn).toBeNull();
    expect(before.endedOn).toBe(now.startedOn);
    expect(before.endNote).toMatch(/تکریم/);
    expect(now.startNote).toMatch(/معارفه/);
    expect(now.startedOnJalali).toMatch(/^14\d\d\/\d\d\/\d\d$/);
    // 2025-11-30 is 9 Azar 1404.
    expect(before.endedOn).toBe('2025-11-30');
    expect(before.endedOnJalali).toBe('1404/09/09');
  });

  it('the history is public: names and dates without a token, emails refused', async () => {
    const r = await hub.gql(PostHistoryDocument, { code: 'POST-SCA-DG' });
    expect(r.data!.post!.appointments.length).toBeGreaterThanOrEqual(2);
    expect(r.data!.post!.appointments.every((a) => a.person.fullNameFa.length > 0 && a.person.email === null)).toBe(true);
    expect(new Set(codes(r))).toEqual(new Set(['UNAUTHENTICATED']));
  });

  it('lists posts by agency', async () => {
    const r = await hub.gql(PostsDocument, { agencyCode: 'AG-SCA' });
    expect(r.data!.posts.nodes.map((p) => p.code)).toEqual(expect.arrayContaining(['POST-SCA-DG', 'POST-SCA-HARM-DEPUTY', 'POST-SCA-NGO-DEPUTY']));
  });

  it('refuses a handover to the public, to an NGO admin and to a plain member, and changes nothing', async () => {
    const before = await appointmentRows();
    const input = { postCode: 'POST-SCA-DG', successorEmail: 'analyst@sca.kermanshah.example', date: '2026-01-10' };
    const pub = await hub.gql(HandOverPostDocument, { input });
    expect(codes(pub)).toEqual(['UNAUTHENTICATED']);
    expect(pub.data!.handOverPost).toBeNull();
    expect(codes(await hub.gql(HandOverPostDocument, { input }, { as: 'omid.ranjbar@omid-sahneh.ngo.example' }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(HandOverPostDocument, { input }, { as: 'member@mehrafarin.ngo.example' }))).toEqual(['FORBIDDEN']);
    // A county governorate admin may hand over its own posts, not the province's.
    expect(codes(await hub.gql(HandOverPostDocument, { input }, { as: 'saeed.parvizi@cg-sahneh.kermanshah.example' }))).toEqual(['FORBIDDEN']);
    expect(await appointmentRows()).toBe(before);
    expect((await history('POST-SCA-DG')).current!.person.email).toBe('dg@sca.kermanshah.example');
  });

  it('rejects bad handovers with clear errors and changes nothing', async () => {
    const before = await appointmentRows();
    // A post without powers (the youth adviser's, held by Arman since 2025-03-10), by the governorate's admin.
    const go = (input: Record<string, string>) =>
      hub.gql(HandOverPostDocument, { input: { postCode: 'POST-GOV-YOUTH-ADVISER', successorEmail: 'analyst@sca.kermanshah.example', ...input } }, { as: GOV_ADMIN });
    const unknownPost = await go({ postCode: 'POST-NOPE' });
    expect(codes(unknownPost)).toEqual(['NOT_FOUND']);
    const unknownPerson = await go({ successorEmail: 'nobody@nowhere.example' });
    expect(codes(unknownPerson)).toEqual(['BAD_USER_INPUT']);
    expect(unknownPerson.errors![0].extensions!.problems).toEqual([{ field: 'successorEmail', message: expect.stringMatching(/no person/) }]);
    const sameHolder = await go({ successorEmail: 'arman.fattahi@gov.kermanshah.example' });
    expect(codes(sameHolder)).toEqual(['BAD_USER_INPUT']);
    expect(sameHolder.errors![0].message).toMatch(/already holds/);
    const tooEarly = await go({ date: '2025-01-01' });
    expect(codes(tooEarly)).toEqual(['BAD_USER_INPUT']);
    expect(tooEarly.errors![0].message).toMatch(/before the current holder's first day 2025-03-10/);
    expect(codes(await go({ date: '2026-02-30' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await go({ date: '10/01/2026' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await go({ successorEmail: 'not an email' }))).toEqual(['BAD_USER_INPUT']);
    expect(await appointmentRows()).toBe(before);
  });

  it('the director general may hand over a deputy post', async () => {
    const r = await hub.gql(
      HandOverPostDocument,
      { input: { postCode: 'POST-SCA-NGO-DEPUTY', successorEmail: 'analyst@sca.kermanshah.example', date: '2026-04-01' } },
      { as: 'dg@sca.kermanshah.example' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.handOverPost!.started.person.email).toBe('analyst@sca.kermanshah.example');
    expect(r.data!.handOverPost!.ended!.endedOn).toBe('2026-04-01');
  });

  it('one mutation ends the current appointment and starts the successor\'s; history stays', async () => {
    // The director general's post goes from its holder to a successor.
    const r = await hub.gql(
      HandOverPostDocument,
      { input: { postCode: 'POST-SCA-DG', successorEmail: 'harm.deputy@sca.kermanshah.example', date: '2026-03-21', endNote: 'تکریم', startNote: 'معارفه' } },
      { as: 'dg@sca.kermanshah.example' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.handOverPost).toMatchObject({
      post: { code: 'POST-SCA-DG' },
      ended: { endedOn: '2026-03-21', endNote: 'تکریم', person: { email: 'dg@sca.kermanshah.example' } },
      started: { startedOn: '2026-03-21', startedOnJalali: '1405/01/01', startNote: 'معارفه', person: { email: 'harm.deputy@sca.kermanshah.example' } },
    });
    const post = await history('POST-SCA-DG');
    expect(post.current!.person.email).toBe('harm.deputy@sca.kermanshah.example');
    expect(post.appointments.map((a) => a.person.email)).toEqual([
      'harm.deputy@sca.kermanshah.example',
      'dg@sca.kermanshah.example',
      'mahmoud.azizi@sca.kermanshah.example',
    ]);
    const open = await hub.sql<{ n: string }>(`select count(*) as n from appointment a join post p on p.id = a.post_id where p.code = 'POST-SCA-DG' and a.ended_on is null`);
    expect(open[0].n).toBe('1');
  });

  it('a vacant post is simply filled', async () => {
    await hub.sql(`update appointment set ended_on = '2026-01-01' where post_id = (select id from post where code = 'POST-GOV-YOUTH-ADVISER') and ended_on is null`);
    const r = await hub.gql(
      HandOverPostDocument,
      { input: { postCode: 'POST-GOV-YOUTH-ADVISER', successorEmail: 'member@mehrafarin.ngo.example', date: '2026-02-01' } },
      { as: GOV_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.handOverPost!.ended).toBeNull();
    expect((await history('POST-GOV-YOUTH-ADVISER')).current!.person.email).toBe('member@mehrafarin.ngo.example');
  });
});
