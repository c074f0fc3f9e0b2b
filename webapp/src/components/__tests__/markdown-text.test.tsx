import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from '../markdown-text';

function renderText(text: string) {
  return render(<MarkdownText text={text} />).container;
}

describe('MarkdownText', () => {
  it('renders a markdown link as a link that opens in a new tab without access to the opener', () => {
    renderText('see [the docs](https://example.com/docs?a=1) now');
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(link).toHaveAttribute('href', 'https://example.com/docs?a=1');
    expect(link).toHaveAttribute('target', '_blank');
    const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
    expect(rel).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  });

  it('renders a bare web address as a link, also opening in a new tab without the opener', () => {
    renderText('look at https://example.org/page, then reply');
    const link = screen.getByRole('link', { name: 'https://example.org/page' });
    expect(link).toHaveAttribute('href', 'https://example.org/page');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(/\s+/)).toEqual(
      expect.arrayContaining(['noopener', 'noreferrer']),
    );
  });

  it.each([
    ['a javascript: address', '[click me](javascript:alert(1))'],
    ['a JaVaScRiPt: address in mixed case', '[click me](JaVaScRiPt:alert(1))'],
    ['a data: address', '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    [
      'a javascript: address whose link text looks like a web address',
      '[https://example.com](javascript:alert(1))',
    ],
  ])('never turns %s into a link, and keeps it as plain text', (_, text) => {
    const container = renderText(text);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(container.querySelector('a, [href]')).toBeNull();
    expect(container).toHaveTextContent(text);
  });

  it('renders bold, italic and inline code as elements, with the markers gone', () => {
    const container = renderText('**bold** and *italic* and _also italic_ and `x = 1`');
    expect(container.querySelector('strong')).toHaveTextContent(/^bold$/);
    expect([...container.querySelectorAll('em')].map((e) => e.textContent)).toEqual([
      'italic',
      'also italic',
    ]);
    expect(container.querySelector('p code')).toHaveTextContent(/^x = 1$/);
    expect(container).toHaveTextContent('bold and italic and also italic and x = 1');
  });

  it('renders a fenced code block as pre/code, its content verbatim and unformatted', () => {
    const container = renderText('before\n```\nconst a = **b**;\n<b>tag</b>\n```\nafter');
    const block = container.querySelector('pre > code');
    expect(block).not.toBeNull();
    expect(block?.textContent).toBe('const a = **b**;\n<b>tag</b>');
    expect(container.querySelector('pre strong, pre b')).toBeNull();
    expect(screen.getByText('before')).toBeInTheDocument();
    expect(screen.getByText('after')).toBeInTheDocument();
  });

  it('shows HTML in a message as text and creates no element from it', () => {
    const html = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';
    const container = renderText(html);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(container).toHaveTextContent(html);
  });

  it('renders quotes, lists and headings as elements, never as the raw markers', () => {
    const container = renderText('## Notes\n> quoted\n- a\n- b\n2. c\n~~gone~~');
    expect(container.querySelector('.markdown__heading--2')).toHaveTextContent(/^Notes$/);
    expect(container.querySelector('h1, h2, h3')).toBeNull();
    expect(container.querySelector('blockquote')).toHaveTextContent(/^quoted$/);
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(container.querySelector('ol')).toHaveAttribute('start', '2');
    expect(container.querySelector('del')).toHaveTextContent(/^gone$/);
    expect(container).not.toHaveTextContent('##');
  });

  it('highlights a mention of the reader, and @channel / @here, apart from other mentions', () => {
    const { container } = render(<MarkdownText text="@Ann and @bob, @here" self="ann" />);
    const mentions = [...container.querySelectorAll('.markdown__mention')];
    expect(mentions.map((m) => m.textContent)).toEqual(['@Ann', '@bob', '@here']);
    expect(mentions.map((m) => m.classList.contains('markdown__mention--me'))).toEqual([true, false, true]);
  });

  it('shows a known :shortcode: as its emoji named in a tooltip, and an unknown one as written', () => {
    const known: Record<string, string> = { tada: '🎉' };
    const { container } = render(
      <MarkdownText text="we shipped :tada: :nosuch:" emoji={(s) => known[s] ?? null} />,
    );
    expect(container.textContent).toBe('we shipped 🎉 :nosuch:');
    expect(screen.getByTitle(':tada:')).toHaveTextContent('🎉');
    // Without a lookup (a renderer that knows no emoji), the text stays as typed.
    expect(renderText('plain :tada:').textContent).toBe('plain :tada:');
  });
});
