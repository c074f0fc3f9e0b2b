import { type ReactNode, useMemo } from 'react';
import { type BlockNode, type InlineNode, parseMarkdown } from '@/lib/markdown';
import './markdown-text.css';

/** @channel and @here call on everyone, the reader included. */
const everyone = new Set(['channel', 'here']);

/** What the renderer needs besides the text: who reads it, and the emoji it knows by shortcode. */
interface Context {
  self: string | undefined;
  emoji: ((shortcode: string) => string | null) | undefined;
}

function renderInline(nodes: InlineNode[], ctx: Context): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children, ctx)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children, ctx)}</em>;
      case 'del':
        return <del key={i}>{renderInline(node.children, ctx)}</del>;
      case 'mention': {
        const name = node.name.toLowerCase();
        const me = everyone.has(name) || (!!ctx.self && name === ctx.self.toLowerCase());
        return (
          <span key={i} className={me ? 'markdown__mention markdown__mention--me' : 'markdown__mention'}>
            @{node.name}
          </span>
        );
      }
      case 'shortcode': {
        const emoji = ctx.emoji?.(node.name);
        // The emoji with its name as a tooltip; unknown names stay as written.
        return emoji ? (
          <span key={i} className="markdown__emoji" title={`:${node.name}:`}>
            {emoji}
          </span>
        ) : (
          `:${node.name}:`
        );
      }
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children, ctx)}
          </a>
        );
    }
  });
}

function renderBlocks(blocks: BlockNode[], ctx: Context): ReactNode[] {
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'codeblock':
        return (
          <pre key={i} className="markdown__pre">
            <code>{block.text}</code>
          </pre>
        );
      case 'heading':
        // Styled, not <h1>–<h3>: a message's heading is not a heading of the page's outline.
        return (
          <p key={i} className={`markdown__heading markdown__heading--${block.level}`}>
            {renderInline(block.children, ctx)}
          </p>
        );
      case 'quote':
        return (
          <blockquote key={i} className="markdown__quote">
            {renderBlocks(block.children, ctx)}
          </blockquote>
        );
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item, ctx)}</li>);
        return block.ordered ? (
          <ol key={i} className="markdown__list" start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={i} className="markdown__list">
            {items}
          </ul>
        );
      }
      case 'paragraph':
        return (
          <p key={i} className="markdown__p">
            {renderInline(block.children, ctx)}
          </p>
        );
    }
  });
}

interface MarkdownTextProps {
  text: string;
  /** The reader's username: mentions of them (and @channel / @here) are highlighted. */
  self?: string;
  /** The emoji of a :shortcode: (null when unknown): without it, shortcodes show as written. */
  emoji?: (shortcode: string) => string | null;
}

/** A message's text with the markdown subset of lib/markdown.ts, built as React elements (never HTML). */
export function MarkdownText({ text, self, emoji }: MarkdownTextProps) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{renderBlocks(blocks, { self, emoji })}</div>;
}
