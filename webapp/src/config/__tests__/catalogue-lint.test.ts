import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps user-visible text in the catalogue, run on planted components. */
async function problems(code: string): Promise<string[]> {
  // The working directory is webapp/ (where vitest runs), so ESLint finds eslint.config.js as the build does.
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath: 'src/features/shell/components/planted.tsx' });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the catalogue lint rule', () => {
  it('refuses words in JSX text, text children and the attributes people see or hear', async () => {
    const found = await problems(`export function Planted({ n }: { n: number }) {
  return (
    <div title="Hello" aria-label={n > 1 ? 'many' : 'one'}>
      Hello there {'Again'}
      <img alt="A picture" src="/x.png" />
    </div>
  );
}
`);
    expect(found).toHaveLength(6);
    expect(found[0]).toContain('src/config/messages.ts');
  });

  it('lets through what nobody reads: class names, values compared, punctuation', async () => {
    const found = await problems(`export function Planted({ kind }: { kind: string }) {
  return (
    <p className="field__hint" data-kind="note" aria-label={kind === 'upload' ? kind : kind}>
      {' · '}
    </p>
  );
}
`);
    expect(found).toEqual([]);
  });
});
