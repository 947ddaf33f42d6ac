import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { loadConfig } from '../platform/config.js';
import { systemContext } from '../platform/context.js';
import { openDatabase } from '../platform/db/open.js';
import { AdministratorInputError, createAdministrator } from '../modules/accounts/index.js';
import { parseAdminCreateArgs, type AdminCreateArgs } from './admin-create.args.js';

/*
 * Usage: npm run admin:create -- --email anna.rossi@comune.cremona.it --ambito CREMONA
 *          [--name "Anna Rossi"] [--password-file /run/secrets/admin-password]
 * --ambito is an Ambito id (CREMONA, CREMA, CASALMAGGIORE) or `all` for the whole province.
 * The password is typed at the prompt (not echoed, asked twice) or read from a file (first line);
 * never from the command line, where it would stay in the shell history and the process list.
 */

/** Asks the questions in turn on one terminal (or piped input), echoing nothing of the answers. */
function askHidden(questions: string[]): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  muted._writeToOutput = (text: string) => {
    if (questions.some((q) => text.startsWith(q))) process.stdout.write(text);
  };
  const answers: string[] = [];
  return new Promise((resolveAnswers, reject) => {
    const next = () => {
      const question = questions[answers.length];
      if (question === undefined) {
        rl.close();
        resolveAnswers(answers);
        return;
      }
      rl.question(question, (answer) => {
        process.stdout.write('\n');
        answers.push(answer);
        next();
      });
    };
    rl.on('close', () => {
      if (answers.length < questions.length) reject(new AdministratorInputError('Password non inserita.'));
    });
    next();
  });
}

async function readPassword(args: AdminCreateArgs): Promise<string> {
  if (args.passwordFile)
    return ((await readFile(args.passwordFile, 'utf8')).split(/\r?\n/)[0] ?? '').trimEnd();
  const [first, second] = await askHidden(['Password del nuovo amministratore: ', 'Ripeti la password: ']);
  if (first !== second) throw new AdministratorInputError('Le due password non coincidono.');
  return first!;
}

async function main(): Promise<void> {
  const args = parseAdminCreateArgs(process.argv.slice(2));
  const password = await readPassword(args);
  const database = await openDatabase(loadConfig());
  try {
    const created = await createAdministrator(systemContext(database), {
      email: args.email,
      fullName: args.name,
      ambito: args.ambito,
      password,
    });
    console.log(`Amministratore creato: ${created.email} (${args.ambito}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
