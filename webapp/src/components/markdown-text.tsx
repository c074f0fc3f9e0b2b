import { type ReactNode, useMemo } from 'react';
import { type BlockNode, type InlineNode, parseMarkdown } from '@/lib/markdown';
import './markdown-text.css';

/** @channel and @here call on everyone, the reader included. */
const everyone = new Set(['channel', 'here']);

function renderInline(nodes: InlineNode[], self: string | undefined): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children, self)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children, self)}</em>;
      case 'del':
        return <del key={i}>{renderInline(node.children, self)}</del>;
      case 'mention': {
        const name = node.name.toLowerCase();
        const me = everyone.has(name) || (!!self && name === self.toLowerCase());
        return (
          <span key={i} className={me ? 'markdown__mention markdown__mention--me' : 'markdown__mention'}>
            @{node.name}
          </span>
        );
      }
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children, self)}
          </a>
        );
    }
  });
}

function renderBlocks(blocks: BlockNode[], self: string | undefined): ReactNode[] {
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
            {renderInline(block.children, self)}
          </p>
        );
      case 'quote':
        return (
          <blockquote key={i} className="markdown__quote">
            {renderBlocks(block.children, self)}
          </blockquote>
        );
      case 'list': {
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item, self)}</li>);
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
            {renderInline(block.children, self)}
          </p>
        );
    }
  });
}

interface MarkdownTextProps {
  text: string;
  /** The reader's username: mentions of them (and @channel / @here) are highlighted. */
  self?: string;
}

/** A message's text with the markdown subset of lib/markdown.ts, built as React elements (never HTML). */
export function MarkdownText({ text, self }: MarkdownTextProps) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{renderBlocks(blocks, self)}</div>;
}
