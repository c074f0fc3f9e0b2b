import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from '../markdown';

describe('markdown subset', () => {
  it('parses bold, italic and inline code', () => {
    expect(parseInline('a **b** *c* _d_ `e*f*`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'e*f*' },
    ]);
  });

  it('keeps HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('links only http(s) and mailto addresses', () => {
    expect(parseInline('[x](javascript:alert(1))')[0]).toEqual({
      type: 'text',
      text: '[x](javascript:alert(1))',
    });
    expect(parseInline('see https://example.com/a.')).toEqual([
      { type: 'text', text: 'see ' },
      {
        type: 'link',
        href: 'https://example.com/a',
        children: [{ type: 'text', text: 'https://example.com/a' }],
      },
      { type: 'text', text: '.' },
    ]);
    expect(safeHref('data:text/html,hi')).toBeNull();
  });

  it('leaves snake_case and arithmetic alone', () => {
    expect(parseInline('snake_case_name 2*3*4')).toEqual([{ type: 'text', text: 'snake_case_name 2*3*4' }]);
  });

  it('splits code blocks from paragraphs', () => {
    expect(parseMarkdown('before\n```js\nconst a = "**x**";\n```\nafter')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'before' }] },
      { type: 'codeblock', text: 'const a = "**x**";' },
      { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('parses strikethrough and @mentions, not addresses or names glued to words', () => {
    expect(parseInline('~~old~~ @Ann, @a.b_c-d. mail x@y.org @@no x@ann')).toEqual([
      { type: 'del', children: [{ type: 'text', text: 'old' }] },
      { type: 'text', text: ' ' },
      { type: 'mention', name: 'Ann' },
      { type: 'text', text: ', ' },
      { type: 'mention', name: 'a.b_c-d' },
      { type: 'text', text: '. mail x@y.org @@no x@ann' },
    ]);
  });

  it('parses quotes, bulleted and numbered lists and headings, with the rest as paragraphs', () => {
    expect(
      parseMarkdown('# Plan\n> we agreed\n> on **this**\n- one\n* two\n3. three\n4) four\nthe end'),
    ).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Plan' }] },
      {
        type: 'quote',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'we agreed\non ' },
              { type: 'strong', children: [{ type: 'text', text: 'this' }] },
            ],
          },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'text', text: 'three' }], [{ type: 'text', text: 'four' }]],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'the end' }] },
    ]);
  });

  it('leaves italics at the start of a line, #hashtags and code blocks as they were', () => {
    expect(parseMarkdown('*really* #general\n```\n- not a list\n```')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'em', children: [{ type: 'text', text: 'really' }] },
          { type: 'text', text: ' #general' },
        ],
      },
      { type: 'codeblock', text: '- not a list' },
    ]);
  });

  it('finds :shortcodes: standing alone, not inside times, addresses or code', () => {
    expect(parseInline('ship it :rocket: now:tada: at 10:30:00 `:code:` :white_check_mark:')).toEqual([
      { type: 'text', text: 'ship it ' },
      { type: 'shortcode', name: 'rocket' },
      { type: 'text', text: ' now:tada: at 10:30:00 ' },
      { type: 'code', text: ':code:' },
      { type: 'text', text: ' ' },
      { type: 'shortcode', name: 'white_check_mark' },
    ]);
    expect(parseInline('https://example.com/a:b:c')).toEqual([
      {
        type: 'link',
        href: 'https://example.com/a:b:c',
        children: [{ type: 'text', text: 'https://example.com/a:b:c' }],
      },
    ]);
  });
});
