// The kompas report as one comment on the pull request, updated by every run instead of a new
// comment each time. The comment is found by its marker *and* its author (this workflow's
// bot): a marker quoted in someone else's comment is never overwritten.
//
// Used by kompas.yml (the report) and versie.yml (the version job, then the report of its own
// commit) through actions/github-script:
//   await require('./.github/scripts/reactie.js')({ github, context, delen: ['build/ci/rapport.md'] })
const fs = require('fs');

const KENMERK = '<!-- kompas-verschilrapport -->';
const BOT = 'github-actions[bot]';
// GitHub refuses a comment over 65,536 characters; the job summary takes the whole report.
const GRENS = 65000;

function tekst(delen, runUrl) {
  const inhoud = delen
    .filter((pad) => fs.existsSync(pad))
    .map((pad) => fs.readFileSync(pad, 'utf8').trim())
    .filter((deel) => deel)
    .join('\n\n');
  if (!inhoud) return null;
  let body = `${KENMERK}\n${inhoud}\n`;
  if (body.length <= GRENS) return body;
  const melding =
    '\n\n**Het rapport is langer dan een reactie mag zijn.** Het hele rapport staat in de ' +
    `samenvatting van de run: ${runUrl}\n`;
  body = body.slice(0, body.lastIndexOf('\n', GRENS - melding.length - 8));
  // A cut inside a code block would swallow the message: close the block first.
  if ((body.match(/^```/gm) || []).length % 2 === 1) body += '\n```';
  return body + melding;
}

module.exports = async ({ github, context, delen, nummer }) => {
  const { owner, repo } = context.repo;
  const runUrl = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;
  const body = tekst(delen, runUrl);
  if (body === null) return;
  const issue_number = nummer || context.issue.number;
  const reacties = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
  const eigen = reacties.find((r) => r.user && r.user.login === BOT && r.body && r.body.startsWith(KENMERK));
  if (eigen) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: eigen.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
};

module.exports.tekst = tekst;
module.exports.KENMERK = KENMERK;
module.exports.BOT = BOT;
