import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// The path decides which config applies; the text is ours.
const moduleFile = 'server/src/modules/requests/requests.service.ts';

async function messagesFor(code: string, filePath = moduleFile): Promise<string[]> {
  // The project's own config, only this rule, without the (slow) type-aware parse it does not need.
  const eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

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
