/**
 * A deliberately small markdown subset for messages: **bold**, *italic* or _italic_, `inline code`,
 * ```code blocks```, [links](https://…) and bare http(s) addresses. It yields a tree of plain data that
 * components/markdown-text.tsx turns into React elements, so text is never parsed or injected as HTML.
 */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] };

export type BlockNode = { type: 'codeblock'; text: string } | { type: 'paragraph'; children: InlineNode[] };

const inline =
  /`([^`\n]+)`|\*\*(?=\S)([\s\S]+?)\*\*|(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,:;!?'")\]])/g;

/** Only web and mail addresses become links; anything else (javascript:, data:) stays text. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function parseInline(text: string, depth = 0): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = nodes[nodes.length - 1];
    if (previous?.type === 'text') previous.text += value;
    else nodes.push({ type: 'text', text: value });
  };
  const pattern = new RegExp(inline.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [whole, code, strong, em1, em2, linkText, linkHref, bare] = match;
    const nested = (value: string) =>
      depth < 4 ? parseInline(value, depth + 1) : [{ type: 'text' as const, text: value }];
    if (code !== undefined) nodes.push({ type: 'code', text: code });
    else if (strong !== undefined) nodes.push({ type: 'strong', children: nested(strong) });
    else if (em1 !== undefined || em2 !== undefined) nodes.push({ type: 'em', children: nested(em1 ?? em2) });
    else if (linkText !== undefined) {
      const href = safeHref(linkHref);
      if (href) nodes.push({ type: 'link', href, children: nested(linkText) });
      else pushText(whole);
    } else if (bare !== undefined) {
      const href = safeHref(bare);
      if (href) nodes.push({ type: 'link', href, children: [{ type: 'text', text: bare }] });
      else pushText(whole);
    }
  }
  pushText(text.slice(last));
  return nodes;
}

export function parseMarkdown(text: string): BlockNode[] {
  const blocks: BlockNode[] = [];
  const fence = /```[^\n`]*\n?([\s\S]*?)```/g;
  let last = 0;
  const pushParagraph = (value: string) => {
    const trimmed = value.replace(/^\n+|\n+$/g, '');
    if (trimmed) blocks.push({ type: 'paragraph', children: parseInline(trimmed) });
  };
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    pushParagraph(text.slice(last, match.index));
    blocks.push({ type: 'codeblock', text: match[1].replace(/\n$/, '') });
    last = match.index + match[0].length;
  }
  pushParagraph(text.slice(last));
  return blocks;
}
