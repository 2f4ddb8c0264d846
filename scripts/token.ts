/**
 * Prints a token for a person, signed with the hub's own key (embedded default):
 *   npm run -s token -- dg@sca.kermanshah.example [--hours 12]
 */
import { loadConfig } from '../src/config';
import { createTokenService } from '../src/auth/tokens';

async function main() {
  const args = process.argv.slice(2);
  const email = args.find((a) => !a.startsWith('--'));
  const hoursAt = args.indexOf('--hours');
  const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 12;
  if (!email || !email.includes('@') || !(hours > 0)) {
    process.stderr.write('usage: npm run -s token -- <email> [--hours N]\n  e.g. npm run -s token -- dg@sca.kermanshah.example\n');
    process.exit(2);
  }
  const tokens = await createTokenService(loadConfig());
  if (!tokens.sign) {
    process.stderr.write('this hub verifies tokens from an OIDC provider (AUTH_JWKS_URL); get a token there\n');
    process.exit(2);
  }
  process.stdout.write(`${await tokens.sign(email, { ttlSeconds: Math.round(hours * 3600) })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
