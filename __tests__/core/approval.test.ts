import {
  judgeApprovals,
  judgeIssueComments,
  parseApprovalComment,
  whyIgnored,
  type Approval,
  type ApprovalFacts,
  type IssueComment
} from '../../src/core/approval.js';

const approval = (user: string, comment = '', state: Approval['state'] = 'approved', environments = ['production']): Approval => ({
  environments,
  state,
  user,
  comment
});

const facts = (over: Partial<ApprovalFacts>): ApprovalFacts => ({
  environment: 'production',
  log: [],
  baseline: [],
  consumed: [],
  actor: 'octocat',
  triggeringActor: 'octocat',
  forbidSelfApproval: false,
  ...over
});

const reasonOf = (over: Partial<ApprovalFacts>): string => {
  const verdict = judgeApprovals(facts(over));
  if (verdict.approved) throw new Error('expected a refusal');
  return verdict.reason;
};

describe('judging environment approvals', () => {
  it('approves with a fresh approval and returns what this attempt consumed', () => {
    const verdict = judgeApprovals(facts({ log: [approval('alice', 'ship it')] }));
    expect(verdict).toEqual({ approved: true, approvers: [{ user: 'alice', comment: 'ship it' }], fresh: [approval('alice', 'ship it')] });
  });

  it('refuses without any approval and says what to set up', () => {
    expect(reasonOf({ log: [] })).toMatch(/^No reviewer approved the promotion to production in this attempt\. Give the environment production required reviewers/);
    expect(reasonOf({ log: [approval('alice', '', 'pending')] })).toMatch(/^No reviewer approved/);
  });

  it('refuses on a fresh rejection, naming who and why, even next to an approval', () => {
    const reason = reasonOf({ log: [approval('alice', 'ok'), approval('bob', 'not during the sale', 'rejected')] });
    expect(reason).toMatch(/^bob \("not during the sale"\) rejected the promotion to production\./);
    expect(reason).toMatch(/start a new run/);
    expect(reasonOf({ log: [approval('bob', '', 'rejected'), approval('carol', 'no', 'rejected')] })).toMatch(/^bob \(no comment\) and carol \("no"\) rejected/);
  });

  it('lets a rejection already in the baseline pass', () => {
    const rejected = approval('bob', 'no', 'rejected');
    expect(judgeApprovals(facts({ log: [rejected, approval('alice')], baseline: [rejected] }))).toMatchObject({ approved: true });
  });

  it('with forbid-self-approval, refuses approvals only by the actor or the triggering actor', () => {
    expect(reasonOf({ log: [approval('octocat')], forbidSelfApproval: true })).toMatch(
      /^The promotion to production was approved only by octocat, who started this run; forbid-self-approval needs another reviewer\. Re-run/
    );
    expect(reasonOf({ log: [approval('Hubot')], triggeringActor: 'hubot', forbidSelfApproval: true })).toMatch(/approved only by Hubot, who started this attempt;/);
    expect(reasonOf({ log: [approval('octocat'), approval('hubot')], triggeringActor: 'hubot', forbidSelfApproval: true })).toMatch(
      /approved only by octocat, who started this run, and hubot, who started this attempt;/
    );
  });

  it('counts self-approval when it is allowed, and counts only the others when it is not', () => {
    expect(judgeApprovals(facts({ log: [approval('octocat')] }))).toMatchObject({ approved: true, approvers: [{ user: 'octocat' }] });
    const verdict = judgeApprovals(facts({ log: [approval('OctoCat', 'mine'), approval('alice', 'lgtm')], forbidSelfApproval: true }));
    expect(verdict).toMatchObject({ approved: true, approvers: [{ user: 'alice', comment: 'lgtm' }] });
    // Both were used by this attempt, so a re-run cannot reuse either.
    expect(verdict.approved && verdict.fresh.map(a => a.user)).toEqual(['OctoCat', 'alice']);
  });

  it('refuses a stale approval on a re-run: one the prepare job saw, or one an earlier attempt consumed', () => {
    const old = approval('alice', 'ok');
    expect(reasonOf({ log: [old], baseline: [old] })).toMatch(/^The approval by alice belongs to an earlier attempt; a re-run needs a new approval\. Re-run the promote job/);
    expect(reasonOf({ log: [old], consumed: [old] })).toMatch(/^The approval by alice belongs to an earlier attempt/);
    expect(reasonOf({ log: [old, approval('bob')], consumed: [old, approval('bob')] })).toMatch(/^The approvals by alice and bob belong to earlier attempts;/);
  });

  it('compares as multisets: the same approval given again on a later attempt is fresh', () => {
    const same = approval('alice', 'ok');
    expect(judgeApprovals(facts({ log: [same, same], consumed: [same] }))).toMatchObject({ approved: true, fresh: [same] });
    expect(reasonOf({ log: [same, same], consumed: [same, same] })).toMatch(/The approval by alice belongs to an earlier attempt/);
    // A different comment is a different entry, and consuming it does not hide the other.
    expect(judgeApprovals(facts({ log: [approval('alice', 'first'), approval('alice', 'second')], consumed: [approval('alice', 'first')] }))).toMatchObject({
      approved: true,
      approvers: [{ user: 'alice', comment: 'second' }]
    });
  });

  it('ignores approvals for another environment', () => {
    expect(reasonOf({ log: [approval('alice', '', 'approved', ['staging'])] })).toMatch(/^No reviewer approved/);
    expect(reasonOf({ log: [approval('alice', '', 'approved', ['staging']), approval('bob', 'no', 'rejected', ['staging'])] })).toMatch(/^No reviewer approved/);
    expect(judgeApprovals(facts({ log: [approval('alice', '', 'approved', ['staging', 'production'])] }))).toMatchObject({ approved: true });
  });

  it('matches environment names and logins without regard to case', () => {
    expect(judgeApprovals(facts({ environment: 'Production', log: [approval('alice', '', 'approved', ['PRODUCTION'])] }))).toMatchObject({ approved: true });
    const old = approval('Alice', 'ok', 'approved', ['Production']);
    expect(reasonOf({ log: [old], baseline: [approval('alice', 'ok', 'approved', ['production'])] })).toMatch(/belongs to an earlier attempt/);
  });
});

describe('approval by issue comment', () => {
  it('reads /approve and /deny with an optional reason from the first non-empty line', () => {
    expect(parseApprovalComment('/approve')).toEqual({ answer: 'approve', reason: '' });
    expect(parseApprovalComment('\n  \r\n/DENY   migration locks orders  \nmore text')).toEqual({ answer: 'deny', reason: 'migration locks orders' });
    expect(parseApprovalComment('/Approve\tlooks good')).toEqual({ answer: 'approve', reason: 'looks good' });
  });

  it('counts nothing else', () => {
    for (const body of ['', 'approved', '/approved', '/approve: yes', '> /approve', '`/approve`', 'LGTM\n/approve', 'please /approve', '/denied']) {
      expect(parseApprovalComment(body)).toBeNull();
    }
  });

  const comment = (id: number, user: string, body: string, allowed = true): IssueComment => ({ id, user, body, allowed });

  it('lets the first counting answer decide, so a deny first wins', () => {
    const comments = [comment(1, 'alice', 'looking now'), comment(2, 'bob', '/deny not today'), comment(3, 'alice', '/approve')];
    expect(judgeIssueComments(comments, { forbidden: [] })).toEqual({ answer: 'deny', user: 'bob', reason: 'not today', commentId: 2 });
    expect(judgeIssueComments(comments.slice(0, 1), { forbidden: [] })).toBeNull();
  });

  it('ignores answers from users not allowed or forbidden, and says why', () => {
    const comments = [comment(1, 'mallory', '/approve', false), comment(2, 'Octocat', '/approve mine'), comment(3, 'alice', '/approve ok')];
    const options = { forbidden: ['octocat'] };
    expect(judgeIssueComments(comments, options)).toEqual({ answer: 'approve', user: 'alice', reason: 'ok', commentId: 3 });
    expect(comments.map(c => whyIgnored(c, options))).toEqual([
      'mallory is not one of the allowed approvers',
      'Octocat started this release; forbid-self-approval needs another reviewer',
      null
    ]);
    expect(judgeIssueComments(comments.slice(0, 2), options)).toBeNull();
    expect(judgeIssueComments([comment(4, 'octocat', '/deny', true)], options)).toBeNull();
  });
});
