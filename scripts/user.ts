/**
 * Accounts from the command line:
 *   npm run user:add -- <username> [--role editor|admin]     creates an account (the first editor, say)
 *   npm run user:password -- <username>                      sets a new password, ending all its sessions
 *   npm run user:token -- <username> [--label "CI import"]   creates an API token, printed once
 *   npm run case:visibility -- <caseId> public|private [--member <username>]
 * The password comes from TIMEWEAVE_PASSWORD, else from standard input (asked for, unechoed, on a
 * terminal), never from the command line, where other local users could read it with ps.
 */
import { createInterface } from 'node:readline';
import { Password, Role, Username, Visibility } from '../lib/auth/auth.schema';
import { hashPassword } from '../lib/auth/passwords';
import { generateSecret, hashSecret } from '../lib/auth/tokens';
import { CaseId } from '../lib/model/case';
import { createApiToken, createUser, setCaseVisibility, setPassword } from '../graph/users.repo';
import { runCli } from './lib/cli';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.TIMEWEAVE_PASSWORD) return process.env.TIMEWEAVE_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      // Mute the echo of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
      rl.question('', (answer) => {
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('password (12+ characters): ');
  const second = await ask('again: ');
  rl.close();
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

const [command, ...args] = process.argv.slice(2);

runCli(`user:${command ?? '?'}`, async () => {
  switch (command) {
    case 'add': {
      const username = Username.parse(args[0]);
      const role = Role.parse(option(args, 'role') ?? 'editor');
      const password = Password.parse(await readPassword());
      const user = await createUser(username, role, await hashPassword(password));
      console.log(`[user:add] created ${user.role} "${user.username}" (${user.id})`);
      return;
    }
    case 'password': {
      const username = Username.parse(args[0]);
      const password = Password.parse(await readPassword());
      await setPassword(username, await hashPassword(password));
      console.log(`[user:password] password of "${username}" changed; its sessions have ended`);
      return;
    }
    case 'token': {
      const username = Username.parse(args[0]);
      const token = generateSecret('twt');
      await createApiToken(username, hashSecret(token), option(args, 'label') ?? 'cli');
      console.log(`[user:token] API token for "${username}" (shown once; send it as "Authorization: Bearer <token>"):`);
      console.log(token);
      return;
    }
    case 'visibility': {
      const caseId = CaseId.parse(args[0]);
      const visibility = Visibility.parse(args[1]);
      const member = option(args, 'member');
      const result = await setCaseVisibility(caseId, visibility, member ? Username.parse(member) : null);
      if (!result) throw new Error(`no case "${caseId}"`);
      console.log(`[case:visibility] "${caseId}" is ${result.visibility}${member ? `; ${member} is a member` : ''}`);
      return;
    }
    default:
      throw new Error('usage: user.ts add|password|token <username> … | visibility <caseId> public|private [--member <username>]');
  }
});
