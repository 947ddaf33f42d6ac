import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// The path decides which config applies; the text is ours.
const moduleFile = 'server/src/modules/requests/requests.service.ts';

async function messagesFor(
  code: string,
  filePath = moduleFile,
  rule = 'no-restricted-syntax',
): Promise<string[]> {
  // The project's own config, only this rule, without the (slow) type-aware parse it does not need.
  const eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === rule,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const importsOf = (code: string, filePath = moduleFile) =>
  messagesFor(code, filePath, 'no-restricted-imports');

describe('the one-door lint rule', () => {
  it('fails on a module that reads through ctx.database.db', async () => {
    const messages = await messagesFor(
      `import type { Context } from '../../platform/context.js';
export async function leak(ctx: Context): Promise<unknown> {
  return ctx.database.db.execute('SELECT * FROM people');
}
`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/withScope/);
  });

  it('fails on the handle taken by destructuring', async () => {
    const messages = await messagesFor(
      `import type { Context } from '../../platform/context.js';
export async function leak(ctx: Context): Promise<unknown> {
  const { db } = ctx.database;
  return db.execute('SELECT * FROM people');
}
`,
    );
    expect(messages).toHaveLength(1);
  });

  it('lets a job use its system context', async () => {
    const messages = await messagesFor(
      `import type { Context } from '../../platform/context.js';
export async function sweep(ctx: Context): Promise<unknown> {
  return ctx.database.db.execute('SELECT 1');
}
`,
      'server/src/modules/rounds/rounds.jobs.ts',
    );
    expect(messages).toEqual([]);
  });
});

describe('the module boundaries', () => {
  it('fails on a module importing another module’s repository instead of its index.ts', async () => {
    const messages = await importsOf(
      `import { findTask } from '../tasks/tasks.repository.js';\nexport { findTask };\n`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/index\.ts/);
  });

  it('lets a module use another through its index.ts, and the platform', async () => {
    const messages = await importsOf(
      `import { findVolunteer } from '../volunteers/index.js';\nimport { withScope } from '../../platform/access/access.js';\nexport { findVolunteer, withScope };\n`,
    );
    expect(messages).toEqual([]);
  });

  it('keeps the accounts system context to the accounts module', async () => {
    const code = `import { unsafeAccountsTransaction } from '../../platform/access/access.js';\nexport { unsafeAccountsTransaction };\n`;
    expect(await importsOf(code)).toHaveLength(1);
    expect(await importsOf(code, 'server/src/modules/accounts/accounts.service.ts')).toEqual([]);
  });

  it('fails on the platform importing a module', async () => {
    const messages = await importsOf(
      `import { loadActor } from '../../modules/accounts/index.js';\nexport { loadActor };\n`,
      'server/src/platform/http/app.ts',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/The platform imports no module/);
  });
});
