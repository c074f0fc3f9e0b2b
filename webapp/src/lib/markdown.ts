/**
 * A deliberately small markdown subset for messages. Inline: **bold**, *italic* or _italic_, ~~strikethrough~~,
 * `inline code`, [links](https://…), bare http(s) addresses, @mentions and :shortcodes: (shown as their emoji
 * where the renderer knows them). Blocks: ```code blocks```,
 * > quotes, - bulleted and 1. numbered lists, and # headings (three levels). It yields a tree of plain data that
 * components/markdown-text.tsx turns into React elements, so text is never parsed or injected as HTML.
 */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'del'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] }
  /** `name` without the @, as written (usernames are matched without regard to case). */
  | { type: 'mention'; name: string }
  /** `:name:` as written; the renderer shows its emoji when it knows the name, else the text. */
  | { type: 'shortcode'; name: string };

export type BlockNode =
  | { type: 'codeblock'; text: string }
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: InlineNode[] }
  | { type: 'quote'; children: BlockNode[] }
  | { type: 'list'; ordered: boolean; start: number; items: InlineNode[][] };

const inline =
  /`([^`\n]+)`|\*\*(?=\S)([\s\S]+?)\*\*|(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,:;!?'")\]])|~~(?=\S)([^~\n]+?)~~|(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?)(?![\w-])|(?<![\w:])(:([a-z0-9_+-]{2,40}):)(?![\w:])/g;

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
    const [whole, code, strong, em1, em2, linkText, linkHref, bare, del, mention, , shortcode] = match;
    const nested = (value: string) =>
      depth < 4 ? parseInline(value, depth + 1) : [{ type: 'text' as const, text: value }];
    if (code !== undefined) nodes.push({ type: 'code', text: code });
    else if (strong !== undefined) nodes.push({ type: 'strong', children: nested(strong) });
    else if (em1 !== undefined || em2 !== undefined) nodes.push({ type: 'em', children: nested(em1 ?? em2) });
    else if (del !== undefined) nodes.push({ type: 'del', children: nested(del) });
    else if (mention !== undefined) nodes.push({ type: 'mention', name: mention });
    else if (shortcode !== undefined) nodes.push({ type: 'shortcode', name: shortcode });
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

const quoteLine = /^ {0,3}> ?(.*)$/;
const bulletLine = /^ {0,3}[-*+] +(.*)$/;
const numberLine = /^ {0,3}(\d{1,9})[.)] +(.*)$/;
const headingLine = /^ {0,3}(#{1,3}) +(.*?)(?: +#+)? *$/;

/** Lines outside code blocks: quotes, lists and headings by their first characters, the rest paragraphs. */
function parseLines(text: string, depth: number): BlockNode[] {
  const blocks: BlockNode[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const trimmed = paragraph.join('\n').replace(/^\n+|\n+$/g, '');
    if (trimmed) blocks.push({ type: 'paragraph', children: parseInline(trimmed) });
    paragraph = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = headingLine.exec(line);
    if (quoteLine.test(line) && depth < 3) {
      flush();
      const quoted: string[] = [];
      while (i < lines.length && quoteLine.test(lines[i])) quoted.push(quoteLine.exec(lines[i++])![1]);
      i--;
      blocks.push({ type: 'quote', children: parseLines(quoted.join('\n'), depth + 1) });
    } else if (bulletLine.test(line) || numberLine.test(line)) {
      flush();
      const ordered = !bulletLine.test(line);
      const pattern = ordered ? numberLine : bulletLine;
      const start = ordered ? Number(numberLine.exec(line)![1]) : 1;
      const items: InlineNode[][] = [];
      while (i < lines.length && pattern.test(lines[i])) {
        const match = pattern.exec(lines[i++])!;
        items.push(parseInline(ordered ? match[2] : match[1]));
      }
      i--;
      blocks.push({ type: 'list', ordered, start, items });
    } else if (heading && heading[2]) {
      flush();
      blocks.push({
        type: 'heading',
        level: heading[1].length as 1 | 2 | 3,
        children: parseInline(heading[2]),
      });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export function parseMarkdown(text: string): BlockNode[] {
  const blocks: BlockNode[] = [];
  const fence = /```[^\n`]*\n?([\s\S]*?)```/g;
  let last = 0;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    blocks.push(...parseLines(text.slice(last, match.index), 0));
    blocks.push({ type: 'codeblock', text: match[1].replace(/\n$/, '') });
    last = match.index + match[0].length;
  }
  blocks.push(...parseLines(text.slice(last), 0));
  return blocks;
}
