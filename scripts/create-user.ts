/**
 * Creates a staff account from the command line, against the database the server uses
 * (same environment variables):
 *   npm run user:create -- --email ana@example.org --name "Ana Silva" --role recruiter
 * The password is read from the USER_PASSWORD variable, or generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { CreateUserRequest } from '../server/contracts/api.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { SYSTEM } from '../server/domain/actor.js';
import { AuditLog } from '../server/domain/audit/audit-log.js';
import { createUser } from '../server/domain/staff/users.js';
import { AppError } from '../server/errors.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'recruiter' },
  },
});

const generated = !process.env.USER_PASSWORD;
const input = CreateUserRequest.safeParse({
  email: values.email,
  name: values.name,
  role: values.role,
  password: process.env.USER_PASSWORD ?? randomBytes(12).toString('base64url'),
});
if (!input.success) {
  for (const issue of input.error.issues)
    console.error(`--${issue.path.join('.')} ${issue.message}`);
  console.error(
    'Usage: npm run user:create -- --email EMAIL --name NAME [--role admin|recruiter|reviewer]',
  );
  process.exit(2);
}

try {
  const config = loadConfig();
  const db = openDatabase(config);
  await migrateToLatest(db);
  // On the trail like a user an admin creates, done by the system (an operator at the shell).
  const audit = new AuditLog(db, console, () => new Date());
  const user = await createUser(db, input.data, new Date(), { audited: { audit, by: SYSTEM } });
  await db.destroy();
  console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  if (generated) console.log(`Password (shown only now): ${input.data.password}`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof AppError) {
    console.error(err.message);
    // A weak password's reason (from the strength check) is in the field errors.
    const fieldErrors = err instanceof AppError ? err.extra.errors : undefined;
    if (Array.isArray(fieldErrors))
      for (const e of fieldErrors) console.error(`--${e.path} ${e.message}`);
    process.exit(1);
  }
  throw err;
}
