/**
 * The hub's operators appoint a person to a post (filling it, or handing it over from its holder),
 * on the server, for posts no account in the hub stands above (the director general's when vacant):
 *   npm run -s post:appoint -- POST-SCA-DG new.dg@sca.kermanshah.example [YYYY-MM-DD]
 * Recorded in the audit trail as the operators' (no person).
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/bootstrap';
import { appointByOperator } from '../src/modules/post/post.service';

async function main() {
  const [postCode, email, date] = process.argv.slice(2);
  if (!postCode || !email?.includes('@')) {
    process.stderr.write('usage: npm run -s post:appoint -- <post code> <email> [YYYY-MM-DD]\n');
    process.exit(2);
  }
  const db = await openDatabase(loadConfig(), () => undefined);
  try {
    const r = await appointByOperator(db.orm.em.fork(), postCode, email, date);
    process.stdout.write(`${r.post.code}: ${email} from ${r.started.startedOn}${r.ended ? ` (the previous appointment ended that day)` : ''}\n`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
